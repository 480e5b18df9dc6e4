import { finalizeInterview } from "@/lib/agent/finalize";
import * as op from "@/lib/agent/operations";
import { agentRoute } from "@/lib/http/agent-route";
import { json } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export const POST = agentRoute(op.finalizeInterview, async ({ db, ctx, interviewId, body }) => json(await finalizeInterview(db, ctx, interviewId, body)));
