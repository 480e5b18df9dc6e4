import { timingSafeEqual, createHash } from "node:crypto";
import { TokenVerifier, type ClaimGrants } from "livekit-server-sdk";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { agentSecret } from "./secret";

/** What the agent presented, before it is checked. */
export type AgentCredential = { kind: "secret"; value: string } | { kind: "livekit"; token: string };

/** A checked credential: the shared secret, or a LiveKit agent token for one room. */
export type AgentIdentity = { kind: "secret" } | { kind: "livekit"; room: string; identity?: string };

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="parley-agent"' };
const unauthenticated = (detail: string) => new AppError("unauthenticated", detail, { headers: CHALLENGE });

export function agentCredentialFromRequest(req: Request): AgentCredential {
  const secret = req.headers.get("x-agent-secret");
  if (secret !== null) return { kind: "secret", value: secret };
  const header = req.headers.get("authorization") ?? "";
  const [scheme, value = ""] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? "") && value) return { kind: "livekit", token: value };
  throw unauthenticated("Send the agent secret as X-Agent-Secret, or a LiveKit agent token as `Authorization: Bearer <token>`.");
}

// Hashing both sides first gives equal-length buffers, so timingSafeEqual never throws and the
// comparison time does not depend on how much of the secret a caller guessed.
let expectedDigest: { secret: string; digest: Buffer } | undefined;

function sameSecret(presented: string, expected: string): boolean {
  // The configured secret's digest is computed once (it is on every agent request).
  if (expectedDigest?.secret !== expected) expectedDigest = { secret: expected, digest: createHash("sha256").update(expected).digest() };
  const a = createHash("sha256").update(presented).digest();
  return timingSafeEqual(a, expectedDigest.digest);
}

/**
 * Checks the credential's signature and claims. The room is checked later, against the
 * interview's own room, by the caller that knows which interview is meant.
 */
export async function verifyAgentCredential(credential: AgentCredential): Promise<AgentIdentity> {
  if (credential.kind === "secret") {
    // No secret (unset outside development): this way in is closed, whatever was sent.
    const expected = agentSecret()?.value;
    if (!expected || !sameSecret(credential.value, expected)) throw unauthenticated("Invalid agent secret.");
    return { kind: "secret" };
  }
  const e = env();
  if (credential.token.startsWith("parley_")) throw unauthenticated("API keys are not accepted on the agent endpoints.");
  if (!e.LIVEKIT_API_KEY || !e.LIVEKIT_API_SECRET) throw unauthenticated("LiveKit tokens are not accepted: LiveKit is not configured.");
  let claims: ClaimGrants;
  try {
    claims = await new TokenVerifier(e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET).verify(credential.token);
  } catch {
    throw unauthenticated("Invalid or expired LiveKit token.");
  }
  if (claims.kind !== "agent" || claims.video?.agent !== true) {
    throw new AppError("forbidden", "This LiveKit token is not an agent's token.");
  }
  if (!claims.video.room) throw new AppError("forbidden", "This LiveKit token names no room.");
  return { kind: "livekit", room: claims.video.room, identity: claims.sub };
}

/**
 * A LiveKit token is good for its own room only; the shared secret for every interview.
 * Another room's interview is a 404, like every object of another tenant: the answer must not
 * tell a token's holder which interview ids exist.
 */
export function assertRoomAllowed(identity: AgentIdentity, roomName: string): void {
  if (identity.kind === "livekit" && identity.room !== roomName) throw notFound("Interview");
}
