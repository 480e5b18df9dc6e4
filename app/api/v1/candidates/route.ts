import { candidateListQuery, createCandidateBody } from "@/lib/api/schemas/candidates";
import { createCandidate } from "@/lib/candidates/create";
import { listCandidates } from "@/lib/candidates/read";
import { json } from "@/lib/http/json";
import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";

export const POST = v1Route({ scope: "candidates:write", body: createCandidateBody }, async ({ db, ctx, body }) => {
  const candidate = await createCandidate(db, ctx, body);
  return json(candidate, { status: 201, headers: { Location: `/api/v1/candidates/${candidate.id}` } });
});

export const GET = v1Route({ scope: "candidates:read", query: candidateListQuery }, async ({ req, db, ctx, query }) => {
  const { items, total } = await listCandidates(db, ctx, query);
  return paginated(req, items, total, query);
});
