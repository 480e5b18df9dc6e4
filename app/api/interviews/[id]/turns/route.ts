import * as op from "@/lib/agent/operations";
import { agentRoute } from "@/lib/http/agent-route";
import { json } from "@/lib/http/json";
import { recordTurn } from "@/lib/turns/record";

export const dynamic = "force-dynamic";

// The voice agent records each exchange; a retry of the same turn answers 200 with the stored one.
export const POST = agentRoute(op.recordTurn, async ({ db, ctx, interviewId, body }) => {
  const { turn, created } = await recordTurn(db, ctx, interviewId, body);
  return json(turn, { status: created ? 201 : 200 });
});
