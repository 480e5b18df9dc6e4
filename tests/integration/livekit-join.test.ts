import { and, eq } from "drizzle-orm";
import { TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/audit-events";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { liveKitConfig } from "@/lib/livekit/config";
import { joinVoiceRoom } from "@/lib/livekit/join";
import { createTestInterview, TEST_LIVEKIT } from "../helpers/agent-fixtures";
import { useAgentEnv } from "../helpers/agent-env";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { type LiveKitServer, startLiveKitServer } from "../helpers/livekit-server";

const testDb = setupTestDatabase();
const db = () => testDb.get().db;
let livekit: LiveKitServer;
let ctx: Ctx;

beforeAll(async () => {
  livekit = await startLiveKitServer(TEST_LIVEKIT);
  ctx = (await createTestOrg(db())).ctx;
});
afterAll(() => livekit.close());
beforeEach(() => {
  useAgentEnv({ LIVEKIT_URL: livekit.url, LIVEKIT_AGENT_NAME: undefined, LIVEKIT_REJOIN_GRACE_MINUTES: undefined });
  livekit.failWith(null);
});

async function newInterview() {
  const { id, roomName } = await createTestInterview(db(), ctx);
  return { id, organizationId: ctx.organizationId, roomName, maxDurationMinutes: 30 };
}

async function joinError(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("joining the voice room", () => {
  it("answers the ws URL, the room and a candidate token for that room only, microphone only, ten minutes", async () => {
    const interview = await newInterview();
    const before = Math.floor(Date.now() / 1000);
    const join = await joinVoiceRoom(db(), interview);
    expect(join).toEqual({
      mode: "voice",
      serverUrl: livekit.url.replace(/^http:/, "ws:"),
      token: expect.any(String),
      roomName: `interview-${interview.id}`,
      identity: `candidate-${interview.id}`,
    });
    const claims = await new TokenVerifier(TEST_LIVEKIT.key, TEST_LIVEKIT.secret).verify(join.token);
    expect(claims.sub).toBe(`candidate-${interview.id}`);
    expect(claims.video).toEqual({
      room: `interview-${interview.id}`,
      roomJoin: true,
      canPublish: true,
      canPublishSources: ["microphone"],
      canPublishData: false,
      canSubscribe: true,
      canUpdateOwnMetadata: false,
    });
    // No agent claim of any kind: the agent endpoints refuse this token (agent-auth.test.ts).
    expect(claims.kind).toBeUndefined();
    expect(claims.video?.agent).toBeUndefined();
    expect(claims.video?.roomAdmin).toBeUndefined();
    const { exp, nbf } = claims as { exp: number; nbf: number };
    expect(exp - nbf).toBeLessThanOrEqual(600);
    expect(exp).toBeGreaterThanOrEqual(before + 590);
    // Nothing secret in the answer.
    expect(JSON.stringify(join)).not.toContain(TEST_LIVEKIT.secret);
  });

  it("creates the room with its limits and dispatches the named agent with the interview id", async () => {
    const interview = await newInterview();
    await joinVoiceRoom(db(), interview);
    const [room] = livekit.calls("CreateRoom").filter((r) => r.body.name === interview.roomName);
    expect(room!.body).toEqual({
      name: interview.roomName,
      maxParticipants: 3,
      emptyTimeout: 600,
      departureTimeout: 600,
      metadata: JSON.stringify({ interviewId: interview.id, maxDurationMinutes: 30 }),
    });
    const created = livekit.calls("CreateDispatch").filter((r) => r.body.room === interview.roomName);
    expect(created.map((r) => r.body)).toEqual([
      { room: interview.roomName, agentName: "parley-interviewer", metadata: JSON.stringify({ interviewId: interview.id }) },
    ]);
    // The calls carried a token for exactly that room; none was refused.
    expect(created[0]!.claims.video).toMatchObject({ roomAdmin: true, room: interview.roomName });
    expect(livekit.refused).toEqual([]);
  });

  it("a rejoin gets a fresh token and the same room but starts no second agent", async () => {
    const interview = await newInterview();
    const first = await joinVoiceRoom(db(), interview);
    const second = await joinVoiceRoom(db(), interview);
    expect(second).toMatchObject({ roomName: first.roomName, identity: first.identity });
    expect(livekit.calls("CreateDispatch").filter((r) => r.body.room === interview.roomName)).toHaveLength(1);
    expect(livekit.dispatches(interview.roomName)).toHaveLength(1);
    const audit = await db()
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, interview.id), eq(auditEvents.action, "interview.voice_joined")))
      .orderBy(auditEvents.createdAt);
    expect(audit.map((a) => a.data)).toEqual([
      { roomName: interview.roomName, agentDispatched: true },
      { roomName: interview.roomName, agentDispatched: false },
    ]);
  });

  it("two joins at once (a double click) still dispatch one agent", async () => {
    const interview = await newInterview();
    await Promise.all([joinVoiceRoom(db(), interview), joinVoiceRoom(db(), interview), joinVoiceRoom(db(), interview)]);
    expect(livekit.dispatches(interview.roomName)).toHaveLength(1);
  });

  it("another process dispatching in the same instant: the newer dispatch is removed, one agent remains", async () => {
    const interview = await newInterview();
    livekit.raceNextDispatch(interview.roomName, "parley-interviewer");
    await joinVoiceRoom(db(), interview);
    const [kept] = livekit.dispatches(interview.roomName);
    expect(livekit.dispatches(interview.roomName)).toHaveLength(1);
    // The rival's (the older) stays; ours, made a moment later, is the one deleted.
    const ours = livekit.calls("DeleteDispatch").filter((r) => r.body.room === interview.roomName);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body.dispatchId).not.toBe(kept!.id);
  });

  it("dispatches the agent named by LIVEKIT_AGENT_NAME, and sizes the room for the grace period", async () => {
    useAgentEnv({ LIVEKIT_URL: livekit.url, LIVEKIT_AGENT_NAME: "acme-interviewer", LIVEKIT_REJOIN_GRACE_MINUTES: "3" });
    const interview = await newInterview();
    await joinVoiceRoom(db(), interview);
    expect(livekit.calls("CreateDispatch").find((r) => r.body.room === interview.roomName)!.body.agentName).toBe("acme-interviewer");
    expect(livekit.calls("CreateRoom").find((r) => r.body.name === interview.roomName)!.body.departureTimeout).toBe(180);
  });

  it("an https LiveKit URL is given to the browser as wss", async () => {
    useAgentEnv({ LIVEKIT_URL: "https://parley.livekit.cloud/" });
    expect(liveKitConfig()).toMatchObject({ serverUrl: "wss://parley.livekit.cloud", apiUrl: "https://parley.livekit.cloud" });
    useAgentEnv({ LIVEKIT_URL: "wss://lk.example.com" });
    expect(liveKitConfig()).toMatchObject({ serverUrl: "wss://lk.example.com", apiUrl: "https://lk.example.com" });
  });
});

describe("when LiveKit fails", () => {
  it("a LiveKit 5xx is a 503 livekit_unavailable with Retry-After, and dispatches nothing", async () => {
    const interview = await newInterview();
    livekit.failWith(500);
    const err = await joinError(joinVoiceRoom(db(), interview));
    expect(err).toMatchObject({ code: "livekit_unavailable", status: 503 });
    expect(err.headers).toEqual({ "Retry-After": "10" });
    expect(err.message).not.toContain(TEST_LIVEKIT.secret);
    livekit.failWith(null);
    // Once LiveKit is back, the same join works.
    await joinVoiceRoom(db(), interview);
    expect(livekit.dispatches(interview.roomName)).toHaveLength(1);
  });

  it("LiveKit unreachable is a 503 too, never a 500", async () => {
    const down = await startLiveKitServer(TEST_LIVEKIT);
    await down.close();
    useAgentEnv({ LIVEKIT_URL: down.url });
    const err = await joinError(joinVoiceRoom(db(), await newInterview()));
    expect(err).toMatchObject({ code: "livekit_unavailable", status: 503 });
  });

  it("LiveKit refusing our key (a wrong secret) is a 503, not the candidate's fault", async () => {
    useAgentEnv({ LIVEKIT_URL: livekit.url, LIVEKIT_API_SECRET: "not-the-secret-livekit-knows-0123456789" });
    const err = await joinError(joinVoiceRoom(db(), await newInterview()));
    expect(err.code).toBe("livekit_unavailable");
    livekit.refused.length = 0;
  });

  it("LiveKit not configured is a 503 voice_unavailable", async () => {
    useAgentEnv({ LIVEKIT_URL: undefined });
    expect(liveKitConfig()).toBeNull();
    const err = await joinError(joinVoiceRoom(db(), await newInterview()));
    expect(err).toMatchObject({ code: "voice_unavailable", status: 503 });
  });
});
