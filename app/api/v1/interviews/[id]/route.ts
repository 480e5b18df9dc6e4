import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { getInterview } from "@/lib/interviews/get";
import * as op from "@/lib/interviews/operations";

export const GET = v1Route(op.getInterview, async ({ db, ctx, params }) => json(await getInterview(db, ctx, params.id)));
