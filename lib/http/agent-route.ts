import type { z } from "zod";
import { agentCredentialFromRequest, assertRoomAllowed, verifyAgentCredential, type AgentIdentity } from "@/lib/agent/credentials";
import { findInterviewForAgent } from "@/lib/agent/interview-lookup";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { idOf } from "@/lib/api/schemas/common";
import { readJsonBody } from "./body";
import { route, type RequestMeta } from "./route";
import { parseOr422 } from "./validate";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type AgentOptions<P, B> = {
  /** Path parameters beyond `id`; a value that does not parse is a 404. */
  params?: P;
  body?: B;
};

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

const interviewId = idOf("interview");

/**
 * The voice agent's wrapper: agent credential (shared secret or LiveKit agent token) → the
 * interview named in the path decides the organisation → room check → params, body → handler.
 * API keys are refused here, and agent credentials are refused on /api/v1.
 */
export function agentRoute<P extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  options: AgentOptions<P, B>,
  handler: (args: AgentArgs<P, B>) => Promise<Response>,
) {
  return route(async (req, meta, rawParams) => {
    const agent = await verifyAgentCredential(agentCredentialFromRequest(req));
    const id = interviewId.safeParse(rawParams.id);
    if (!id.success) throw notFound("Interview");
    let params = undefined as Out<P>;
    if (options.params) {
      const parsed = options.params.safeParse(rawParams);
      if (!parsed.success) throw notFound("Turn");
      params = parsed.data as Out<P>;
    }
    const db = await getDb();
    const interview = await findInterviewForAgent(db, id.data);
    assertRoomAllowed(agent, interview.roomName);
    const ctx: Ctx = {
      organizationId: interview.organizationId,
      actor: { type: "agent", ...(agent.kind === "livekit" && agent.identity ? { id: agent.identity } : {}) },
      requestId: meta.requestId,
    };
    let body = undefined as Out<B>;
    if (options.body) body = parseOr422(options.body, (await readJsonBody(req)) ?? {}, "body") as Out<B>;
    return handler({ req, meta, db, ctx, interviewId: interview.id, agent, params, body });
  });
}
