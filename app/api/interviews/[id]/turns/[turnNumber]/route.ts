import { turnParams, updateTurnBody } from "@/lib/api/schemas/agent";
import { agentRoute } from "@/lib/http/agent-route";
import { json } from "@/lib/http/json";
import { updateTurn } from "@/lib/turns/update";

export const dynamic = "force-dynamic";

export const PATCH = agentRoute({ params: turnParams, body: updateTurnBody }, async ({ db, ctx, interviewId, params, body }) =>
  json(await updateTurn(db, ctx, interviewId, params.turnNumber, body)),
);
