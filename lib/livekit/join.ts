import { env } from "@/lib/env";
import { AccessToken, AgentDispatchClient, type AgentDispatch, RoomServiceClient, TrackSource } from "livekit-server-sdk";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { type LiveKitConfig, liveKitConfig, rejoinGraceMs } from "./config";
import { candidateIdentity } from "./identity";

/** What the candidate's browser needs to connect; nothing in it is a secret. */
export type VoiceJoin = { mode: "voice"; serverUrl: string; token: string; roomName: string; identity: string };

/** The interview being joined, as the join route loaded it (its stored room name). */
export type VoiceInterview = { id: string; organizationId: string; roomName: string; maxDurationMinutes: number };

/**
 * LiveKit checks a token only when connecting, so its lifetime is how long the page may wait
 * between the join and the connection (a rejoin asks for a new one).
 */
export const CANDIDATE_TOKEN_TTL_SECONDS = 600;

// The candidate and the agent, plus one place for an agent that replaces a crashed one (or a
// recorder) before the old participant is gone. One candidate is guaranteed by the identity:
// every candidate token of an interview carries the same one, and LiveKit disconnects the
// older connection when it is used again.
const MAX_PARTICIPANTS = 3;
const RETRY_AFTER_SECONDS = 10;

const unavailable = () =>
  new AppError("livekit_unavailable", "The voice service cannot be reached right now. Try again in a moment, or continue the interview in writing.", {
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });

// Two joins of one interview at once (a double click) would both find no dispatch and both
// start an agent: in this process they run one after the other. Across processes, the
// duplicate is removed after the fact (see ensureAgent).
const inFlight = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = inFlight.get(key) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(work);
  inFlight.set(key, mine);
  try {
    return await mine;
  } finally {
    if (inFlight.get(key) === mine) inFlight.delete(key);
  }
}

/**
 * Puts the candidate in the interview's voice room: the room exists, exactly one interviewer
 * agent is dispatched into it (a rejoin finds it there and starts none), and a short-lived
 * token lets the candidate's browser publish its microphone in that room only.
 * LiveKit failing (down, 5xx, refusing our key) is a 503 `livekit_unavailable`; LiveKit not
 * configured is a 503 `voice_unavailable`.
 */
export async function joinVoiceRoom(db: Db, interview: VoiceInterview, config: LiveKitConfig | null = liveKitConfig()): Promise<VoiceJoin> {
  if (!config) throw new AppError("voice_unavailable", "Voice interviews are not configured on this server; the interview can be held in writing.");
  const roomName = interview.roomName;
  const identity = candidateIdentity(interview.id);
  const dispatched = await oneAtATime(roomName, async () => {
    try {
      await ensureRoom(config, interview);
      return await ensureAgent(config, interview);
    } catch (err) {
      log.warn("livekit unavailable", { interviewId: interview.id, ...errorFields(err) });
      throw unavailable();
    }
  });
  await recordAudit(
    db,
    { organizationId: interview.organizationId, actor: { type: "system", id: identity } },
    { action: "interview.voice_joined", targetType: "interview", targetId: interview.id, data: { roomName, agentDispatched: dispatched } },
  );
  return { mode: "voice", serverUrl: config.serverUrl, token: await candidateToken(config, roomName, identity), roomName, identity };
}

// A candidate waiting on a stuck LiveKit call is worse off than one told to retry.
const clientOptions = () => ({ requestTimeout: env().LIVEKIT_REQUEST_TIMEOUT_SECONDS });

/** CreateRoom answers the existing room when there is one, so a rejoin calls it too. */
async function ensureRoom(config: LiveKitConfig, interview: VoiceInterview): Promise<void> {
  const rooms = new RoomServiceClient(config.apiUrl, config.apiKey, config.apiSecret, clientOptions());
  await rooms.createRoom({
    name: interview.roomName,
    maxParticipants: MAX_PARTICIPANTS,
    // Nobody in it yet: kept as long as the candidate's token can still connect.
    emptyTimeout: CANDIDATE_TOKEN_TTL_SECONDS,
    // The candidate gone (an agent alone does not keep a room open): kept through the rejoin
    // grace period, so a candidate coming back within it finds the same room and agent.
    departureTimeout: Math.round(rejoinGraceMs() / 1000),
    // Not secret (the candidate can read it): what the agent may want before its first call.
    metadata: JSON.stringify({ interviewId: interview.id, maxDurationMinutes: interview.maxDurationMinutes }),
  });
}

/** Dispatches the agent unless one is already dispatched; true when this call dispatched it. */
async function ensureAgent(config: LiveKitConfig, interview: VoiceInterview): Promise<boolean> {
  const dispatches = new AgentDispatchClient(config.apiUrl, config.apiKey, config.apiSecret, clientOptions());
  const ours = (list: AgentDispatch[]) => list.filter((d) => d.agentName === config.agentName);
  if (ours(await dispatches.listDispatch(interview.roomName)).length > 0) return false;
  await dispatches.createDispatch(interview.roomName, config.agentName, { metadata: JSON.stringify({ interviewId: interview.id }) });
  // Another process may have dispatched in the same instant: each such caller keeps the oldest
  // dispatch (then the lowest id) and removes the others, so the room ends with one agent.
  const after = ours(await dispatches.listDispatch(interview.roomName)).sort(oldestFirst);
  for (const extra of after.slice(1)) await dispatches.deleteDispatch(extra.id, interview.roomName);
  return true;
}

const createdOf = (d: AgentDispatch) => d.state?.createdAt ?? BigInt(0);
const oldestFirst = (a: AgentDispatch, b: AgentDispatch) => {
  const [x, y] = [createdOf(a), createdOf(b)];
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** This room only, microphone only, no agent claim, ten minutes to connect. */
async function candidateToken(config: LiveKitConfig, roomName: string, identity: string): Promise<string> {
  const token = new AccessToken(config.apiKey, config.apiSecret, { identity, ttl: CANDIDATE_TOKEN_TTL_SECONDS });
  token.addGrant({
    room: roomName,
    roomJoin: true,
    canPublish: true,
    canPublishSources: [TrackSource.MICROPHONE],
    canPublishData: false,
    canSubscribe: true,
    canUpdateOwnMetadata: false,
  });
  return token.toJwt();
}
