import { json } from "@/lib/http/json";
import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";
import { createInterview } from "@/lib/interviews/create";
import { listInterviews } from "@/lib/interviews/list";
import * as op from "@/lib/interviews/operations";

export const GET = v1Route(op.listInterviews, async ({ req, db, ctx, query }) => {
  const { items, total } = await listInterviews(db, ctx, query);
  return paginated(req, items, total, query);
});

export const POST = v1Route(op.createInterview, async ({ db, ctx, body }) => {
  const interview = await createInterview(db, ctx, body);
  return json(interview, { status: 201, headers: { Location: `/api/v1/interviews/${interview.id}` } });
});
