import { createInterviewBody, listInterviewsQuery } from "@/lib/api/schemas/interviews";
import { json } from "@/lib/http/json";
import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";
import { createInterview } from "@/lib/interviews/create";
import { listInterviews } from "@/lib/interviews/list";

export const GET = v1Route({ scope: "interviews:read", query: listInterviewsQuery }, async ({ req, db, ctx, query }) => {
  const { items, total } = await listInterviews(db, ctx, query);
  return paginated(req, items, total, query);
});

export const POST = v1Route({ scope: "interviews:write", body: createInterviewBody }, async ({ db, ctx, body }) => {
  const interview = await createInterview(db, ctx, body);
  return json(interview, { status: 201, headers: { Location: `/api/v1/interviews/${interview.id}` } });
});
