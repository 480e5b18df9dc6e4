import * as op from "@/lib/campaigns/operations";
import { getCampaign } from "@/lib/campaigns/read";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";

export const GET = v1Route(op.getCampaign, async ({ db, ctx, params }) => json(await getCampaign(db, ctx, params.id)));
