import { recordDecision } from "@/lib/decisions/record";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import * as op from "@/lib/interviews/operations";

export const POST = v1Route(op.recordDecision, async ({ db, ctx, params, body }) => json(await recordDecision(db, ctx, params.id, body), { status: 201 }));
