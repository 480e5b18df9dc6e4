import { json } from "@/lib/http/json";
import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";
import { createJob } from "@/lib/jobs/create";
import * as op from "@/lib/jobs/operations";
import { listJobs } from "@/lib/jobs/read";

export const POST = v1Route(op.createJob, async ({ db, ctx, body }) => {
  const job = await createJob(db, ctx, body);
  return json(job, { status: 201, headers: { Location: `/api/v1/jobs/${job.id}` } });
});

export const GET = v1Route(op.listJobs, async ({ req, db, ctx, query }) => {
  const { items, total } = await listJobs(db, ctx, query);
  return paginated(req, items, total, query);
});
