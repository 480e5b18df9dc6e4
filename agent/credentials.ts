import { AccessToken } from "livekit-server-sdk";

/** How the agent proves itself to Parley's agent endpoints (docs/agent-api.md, Authentication). */
export type AgentCredential =
  | { kind: "secret"; secret: string }
  | { kind: "livekit"; apiKey: string; apiSecret: string; room: string; identity: string };

/** The shared secret when there is one; otherwise a LiveKit agent token for the interview's room. */
export function agentCredential(
  settings: { AGENT_SECRET?: string; LIVEKIT_API_KEY?: string; LIVEKIT_API_SECRET?: string },
  room: string,
  identity = "parley-interviewer",
): AgentCredential {
  if (settings.AGENT_SECRET) return { kind: "secret", secret: settings.AGENT_SECRET };
  if (settings.LIVEKIT_API_KEY && settings.LIVEKIT_API_SECRET) {
    return { kind: "livekit", apiKey: settings.LIVEKIT_API_KEY, apiSecret: settings.LIVEKIT_API_SECRET, room, identity };
  }
  throw new Error("The voice agent needs AGENT_SECRET, or LIVEKIT_API_KEY and LIVEKIT_API_SECRET, to call Parley's agent endpoints.");
}

const TOKEN_TTL_SECONDS = 3600;

/**
 * The request headers for a credential. A LiveKit token is minted for the interview's room only
 * (kind agent, agent grant: what lib/agent/credentials.ts accepts) and minted again when half
 * its lifetime is gone, so an interview longer than an hour never presents an expired one.
 */
export function credentialHeaders(credential: AgentCredential, now: () => number = Date.now): () => Promise<Record<string, string>> {
  if (credential.kind === "secret") {
    const headers = { "x-agent-secret": credential.secret };
    return async () => headers;
  }
  let cached: { token: string; renewAt: number } | undefined;
  return async () => {
    if (!cached || now() >= cached.renewAt) {
      const at = new AccessToken(credential.apiKey, credential.apiSecret, { identity: credential.identity, ttl: TOKEN_TTL_SECONDS });
      at.kind = "agent";
      at.addGrant({ room: credential.room, roomJoin: true, agent: true });
      cached = { token: await at.toJwt(), renewAt: now() + (TOKEN_TTL_SECONDS / 2) * 1000 };
    }
    return { authorization: `Bearer ${cached.token}` };
  };
}
