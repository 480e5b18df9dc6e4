import { getAgentHistory } from "@/lib/agent/history";
import * as op from "@/lib/agent/operations";
import { agentRoute } from "@/lib/http/agent-route";
import { json } from "@/lib/http/json";

export const dynamic = "force-dynamic";

// What a starting or restarted agent reads first: context, every turn, and where to go on.
export const GET = agentRoute(op.getAgentHistory, async ({ db, ctx, interviewId }) =>
  json(await getAgentHistory(db, ctx, interviewId), { headers: { "Cache-Control": "no-store" } }),
);
