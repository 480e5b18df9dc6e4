import { agentCredentialFromRequest, assertRoomAllowed, verifyAgentCredential, type AgentIdentity } from "@/lib/agent/credentials";
import { findInterviewForAgent } from "@/lib/agent/interview-lookup";
import { idParams } from "@/lib/api/schemas/common";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { jsonBody, pathParams, type Out, type Schema } from "./input";
import { operationRoute, type RequestMeta } from "./route";

/** What this wrapper reads from an operation (lib/agent/operations.ts). */
export type AgentOperation<P, B> = {
  auth: "agent";
  /** Path parameters, `id` included; a value that does not parse is a 404 naming `resource`. */
  params?: P;
  resource?: string;
  body?: B;
};

const interviewIdParams = idParams("interview");

export type AgentArgs<P, B> = {
  req: Request;
  meta: RequestMeta;
  db: Db;
  ctx: Ctx;
  interviewId: string;
  agent: AgentIdentity;
  params: Out<P>;
  body: Out<B>;
};

function agentCtx(organizationId: string, agent: AgentIdentity, meta: RequestMeta): Ctx {
  return {
    organizationId,
    actor: { type: "agent", ...(agent.kind === "livekit" && agent.identity ? { id: agent.identity } : {}) },
    requestId: meta.requestId,
  };
}

/**
 * The voice agent's wrapper, serving one operation: agent credential (shared secret or LiveKit
 * agent token) → the interview named in the path decides the organisation → room check →
 * params, body → handler. API keys are refused here, and agent credentials are refused on /api/v1.
 */
export function agentRoute<P extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  operation: AgentOperation<P, B>,
  handler: (args: AgentArgs<P, B>) => Promise<Response>,
) {
  return operationRoute<AgentOperation<Schema | undefined, Schema | undefined>>(operation, async (req, meta, rawParams) => {
    const agent = await verifyAgentCredential(agentCredentialFromRequest(req));
    const { id } = pathParams({ params: interviewIdParams, resource: "Interview" }, rawParams);
    const params = pathParams(operation, rawParams);
    const db = await getDb();
    const interview = await findInterviewForAgent(db, id);
    assertRoomAllowed(agent, interview.roomName);
    const ctx = agentCtx(interview.organizationId, agent, meta);
    const { body } = await jsonBody(operation, req);
    return handler({ req, meta, db, ctx, interviewId: interview.id, agent, params, body });
  });
}
