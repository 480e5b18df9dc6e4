import * as op from "@/lib/agent/operations";
import { agentRoute } from "@/lib/http/agent-route";
import { json } from "@/lib/http/json";
import { updateTurn } from "@/lib/turns/update";

export const dynamic = "force-dynamic";

export const PATCH = agentRoute(op.updateTurn, async ({ db, ctx, interviewId, params, body }) =>
  json(await updateTurn(db, ctx, interviewId, params.turnNumber, body)),
);
