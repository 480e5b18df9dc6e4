import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";
import * as op from "@/lib/interview-configs/operations";
import { listInterviewConfigs } from "@/lib/interview-configs/read";

export const GET = v1Route(op.listInterviewConfigs, async ({ req, db, ctx, query }) => {
  const { items, total } = await listInterviewConfigs(db, ctx, query);
  return paginated(req, items, total, query);
});
