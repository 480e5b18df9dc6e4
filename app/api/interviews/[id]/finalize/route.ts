import { finalizeInterview } from "@/lib/agent/finalize";
import { finalizeBody } from "@/lib/api/schemas/agent";
import { agentRoute } from "@/lib/http/agent-route";
import { json } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export const POST = agentRoute({ body: finalizeBody }, async ({ db, ctx, interviewId, body }) =>
  json(await finalizeInterview(db, ctx, interviewId, body)),
);
