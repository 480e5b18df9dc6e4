import { interviewConfigListQuery } from "@/lib/api/schemas/interview-configs";
import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";
import { listInterviewConfigs } from "@/lib/interview-configs/read";

export const GET = v1Route({ scope: "interviews:read", query: interviewConfigListQuery }, async ({ req, db, ctx, query }) => {
  const { items, total } = await listInterviewConfigs(db, ctx, query);
  return paginated(req, items, total, query);
});
