import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { cancelInterview } from "@/lib/interviews/cancel";
import * as op from "@/lib/interviews/operations";

export const POST = v1Route(op.cancelInterview, async ({ db, ctx, params }) => json(await cancelInterview(db, ctx, params.id)));
