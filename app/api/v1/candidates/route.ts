import { createCandidate } from "@/lib/candidates/create";
import * as op from "@/lib/candidates/operations";
import { listCandidates } from "@/lib/candidates/read";
import { json } from "@/lib/http/json";
import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";

export const POST = v1Route(op.createCandidate, async ({ db, ctx, body }) => {
  const candidate = await createCandidate(db, ctx, body);
  return json(candidate, { status: 201, headers: { Location: `/api/v1/candidates/${candidate.id}` } });
});

export const GET = v1Route(op.listCandidates, async ({ req, db, ctx, query }) => {
  const { items, total } = await listCandidates(db, ctx, query);
  return paginated(req, items, total, query);
});
