import * as op from "@/lib/candidates/operations";
import { getCandidate } from "@/lib/candidates/read";
import { updateCandidate } from "@/lib/candidates/update";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";

export const GET = v1Route(op.getCandidate, async ({ db, ctx, params }) => json(await getCandidate(db, ctx, params.id)));

export const PATCH = v1Route(op.updateCandidate, async ({ db, ctx, params, body }) => json(await updateCandidate(db, ctx, params.id, body)));
