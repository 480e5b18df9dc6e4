import { idParams } from "@/lib/api/schemas/common";
import { getCampaign } from "@/lib/campaigns/read";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";

export const GET = v1Route({ scope: "jobs:read", resource: "Campaign", params: idParams("campaign") }, async ({ db, ctx, params }) =>
  json(await getCampaign(db, ctx, params.id)),
);
