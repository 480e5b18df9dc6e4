import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { AccessToken, type EgressInfo, EgressStatus, WebhookEvent } from "livekit-server-sdk";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getInterviewRoute } from "@/app/api/v1/interviews/[id]/route";
import { POST as webhook } from "@/app/api/livekit/webhook/route";
import { auditEvents } from "@/db/audit-events";
import { backgroundJobs } from "@/db/background-jobs";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import type { Ctx } from "@/lib/context";
import { newId } from "@/lib/ids";
import { finalizeInterview } from "@/lib/agent/finalize";
import { interruptedCheckJob } from "@/lib/livekit/interrupted";
import { recordTurn } from "@/lib/turns/record";
import { createTestInterview, TEST_LIVEKIT } from "../helpers/agent-fixtures";
import { useAgentEnv } from "../helpers/agent-env";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { drainAppJobs } from "../helpers/queue";

const testDb = setupTestDatabase();
const db = () => testDb.get().db;
let ctx: Ctx;
let authorization: string;

const MINUTE = 60_000;
const GRACE = 10 * MINUTE;

beforeAll(async () => {
  useAgentEnv();
  ctx = (await createTestOrg(db())).ctx;
  authorization = (await createTestKey(db(), ctx, ["interviews:read"])).authorization;
  await db()
    .insert(webhookEndpoints)
    .values({ id: newId("webhookEndpoint"), organizationId: ctx.organizationId, url: "https://hooks.example/parley", secret: "whsec_test", eventTypes: ["interview.started", "interview.interrupted"] });
});
beforeEach(() => useAgentEnv({ LIVEKIT_REJOIN_GRACE_MINUTES: undefined }));

// ---- LiveKit's side: events as its webhook sender builds and signs them ----

let eventSeq = 0;
const seconds = (d: Date) => BigInt(Math.floor(d.getTime() / 1000));

type Spec = { event: string; room: string; identity?: string; at: Date; joinedAt?: Date; egress?: ConstructorParameters<typeof EgressInfo>[0] };

function liveKitEvent(spec: Spec): string {
  const event = new WebhookEvent({
    id: `EV_${++eventSeq}_${Math.random().toString(36).slice(2)}`,
    room: { sid: "RM_test", name: spec.room },
    ...(spec.identity
      ? { participant: { sid: "PA_test", identity: spec.identity, joinedAt: seconds(spec.joinedAt ?? spec.at), joinedAtMs: BigInt((spec.joinedAt ?? spec.at).getTime()) } }
      : {}),
    ...(spec.egress ? { egressInfo: { roomName: spec.room, ...spec.egress } } : {}),
    createdAt: seconds(spec.at),
  });
  // The SDK's WebhookEvent resets `event` after its constructor has set it: assign it after.
  event.event = spec.event as WebhookEvent["event"];
  return event.toJsonString();
}

/** LiveKit's Authorization header: a JWT from the API key whose sha256 claim is the body's digest. */
async function signature(body: string, secret = TEST_LIVEKIT.secret) {
  const token = new AccessToken(TEST_LIVEKIT.key, secret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

async function deliver(body: string, auth?: string | null) {
  const header = auth === undefined ? await signature(body) : auth;
  return call(webhook, {
    method: "POST",
    path: "/api/livekit/webhook",
    rawBody: body,
    headers: { "content-type": "application/webhook+json", ...(header === null ? {} : { authorization: header }) },
  });
}
const send = async (spec: Spec) => deliver(liveKitEvent(spec));

// ---- Parley's side ----

async function invited() {
  const { id, roomName } = await createTestInterview(db(), ctx, { status: "INVITED" });
  return { id, roomName, candidate: `candidate-${id}` };
}

async function inProgress() {
  const interview = await invited();
  const joinedAt = new Date(Date.now() - 5 * MINUTE);
  expect((await send({ event: "participant_joined", room: interview.roomName, identity: interview.candidate, at: joinedAt })).status).toBe(200);
  await recordTurn(db(), ctx, interview.id, { turnNumber: 1, role: "agent", content: "Hello, shall we start?", audioUrl: null, isPendingQuestion: false, evaluation: null });
  return { ...interview, joinedAt };
}

const row = async (id: string) => (await db().select().from(interviews).where(eq(interviews.id, id)))[0]!;
const deliveriesOf = async (type: string, interviewId: string) =>
  (await db().select().from(webhookDeliveries).where(and(eq(webhookDeliveries.organizationId, ctx.organizationId), eq(webhookDeliveries.eventType, type)))).filter(
    (d) => (d.payload as { data: { interviewId: string } }).data.interviewId === interviewId,
  );
/** Runs the interrupted checks as a worker would at `now` (a fake clock: nothing sleeps). */
const runChecksAt = (now: Date) => drainAppJobs(db(), { kinds: [interruptedCheckJob.kind], now });

describe("signature", () => {
  it("accepts an event signed with the API secret, with or without a leading Bearer", async () => {
    const { roomName } = await invited();
    const body = liveKitEvent({ event: "room_started", room: roomName, at: new Date() });
    const res = await deliver(body);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ event: "room_started", handled: "ignored" });
    const again = liveKitEvent({ event: "room_started", room: roomName, at: new Date() });
    expect((await deliver(again, `Bearer ${await signature(again)}`)).status).toBe(200);
  });

  it("401 problem for a tampered body, another secret, or no signature; nothing is applied", async () => {
    const { id, roomName, candidate } = await invited();
    const body = liveKitEvent({ event: "participant_joined", room: roomName, identity: candidate, at: new Date() });
    const tampered = body.replace("participant_joined", "participant_left");
    const cases = [
      await deliver(tampered, await signature(body)),
      await deliver(body, await signature(body, "another-secret-0123456789abcdefghij")),
      await deliver(body, null),
      await deliver(body, "Bearer not-a-jwt"),
    ];
    for (const res of cases) {
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.code).toBe("unauthenticated");
    }
    expect((await row(id)).status).toBe("INVITED");
  });

  it("401 while LiveKit is not configured: nothing to verify against", async () => {
    const { roomName } = await invited();
    const body = liveKitEvent({ event: "room_started", room: roomName, at: new Date() });
    const header = await signature(body);
    useAgentEnv({ LIVEKIT_API_SECRET: undefined });
    expect((await deliver(body, header)).status).toBe(401);
  });
});

describe("participant_joined", () => {
  it("the candidate entering the room starts the interview: IN_PROGRESS, startedAt, interview.started, as a first turn would", async () => {
    const { id, roomName, candidate } = await invited();
    const res = await send({ event: "participant_joined", room: roomName, identity: candidate, at: new Date() });
    expect(res.json).toEqual({ event: "participant_joined", handled: "applied" });
    const started = await row(id);
    expect(started.status).toBe("IN_PROGRESS");
    expect(started.startedAt).toBeInstanceOf(Date);
    const deliveries = await deliveriesOf("interview.started", id);
    expect(deliveries.map((d) => d.payload)).toEqual([
      { type: "interview.started", timestamp: expect.any(String), data: { interviewId: id, status: "IN_PROGRESS", startedAt: started.startedAt!.toISOString() } },
    ]);
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, "interview.started")))).toHaveLength(1);
    // The first turn afterwards does not start it again.
    await recordTurn(db(), ctx, id, { turnNumber: 1, role: "agent", content: "Hello", audioUrl: null, isPendingQuestion: false, evaluation: null });
    expect(await deliveriesOf("interview.started", id)).toHaveLength(1);
  });

  it("a replayed event answers 200 and changes nothing", async () => {
    const { id, roomName, candidate } = await invited();
    const body = liveKitEvent({ event: "participant_joined", room: roomName, identity: candidate, at: new Date() });
    expect((await deliver(body)).json.handled).toBe("applied");
    const again = await deliver(body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ event: "participant_joined", handled: "replay" });
    expect(await deliveriesOf("interview.started", id)).toHaveLength(1);
  });

  it("the agent joining, another interview's candidate, or a room that is not an interview's start nothing", async () => {
    const { id, roomName } = await invited();
    const other = await invited();
    expect((await send({ event: "participant_joined", room: roomName, identity: "agent-AJ_1", at: new Date() })).json.handled).toBe("ignored");
    expect((await send({ event: "participant_joined", room: roomName, identity: other.candidate, at: new Date() })).json.handled).toBe("ignored");
    expect((await send({ event: "participant_joined", room: "lobby", identity: `candidate-${id}`, at: new Date() })).json.handled).toBe("ignored");
    expect((await row(id)).status).toBe("INVITED");
    expect((await row(other.id)).status).toBe("INVITED");
  });

  it("does not revive an expired invitation", async () => {
    const { id, roomName } = await createTestInterview(db(), ctx, { status: "INVITED", expiresAt: new Date(Date.now() - MINUTE) });
    await send({ event: "participant_joined", room: roomName, identity: `candidate-${id}`, at: new Date() });
    expect((await row(id)).status).toBe("INVITED");
    expect(await deliveriesOf("interview.started", id)).toHaveLength(0);
  });
});

describe("leaving: the interrupted flag after the grace period", () => {
  it("a candidate who leaves and does not come back is flagged interrupted once the grace period has passed; nothing is lost", async () => {
    const { id, roomName, candidate, joinedAt } = await inProgress();
    const leftAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    expect((await send({ event: "participant_left", room: roomName, identity: candidate, at: leftAt, joinedAt })).json.handled).toBe("applied");
    // At once: still IN_PROGRESS, not interrupted.
    expect(await row(id)).toMatchObject({ status: "IN_PROGRESS", interruptedAt: null });

    // A minute before the grace period ends the check is not even due.
    expect(await runChecksAt(new Date(leftAt.getTime() + GRACE - MINUTE))).toEqual([]);
    expect((await row(id)).interruptedAt).toBeNull();

    const outcomes = await runChecksAt(new Date(leftAt.getTime() + GRACE));
    expect(outcomes).toMatchObject([{ kind: "livekit.interrupted-check", outcome: "succeeded" }]);
    const flagged = await row(id);
    expect(flagged).toMatchObject({ status: "IN_PROGRESS", interruptedAt: leftAt });
    expect(await db().select().from(interviewTurns).where(eq(interviewTurns.interviewId, id))).toHaveLength(1);
    expect((await deliveriesOf("interview.interrupted", id)).map((d) => d.payload)).toEqual([
      { type: "interview.interrupted", timestamp: expect.any(String), data: { interviewId: id, status: "IN_PROGRESS", interruptedAt: leftAt.toISOString(), reason: "participant_left" } },
    ]);

    // The API shows it.
    const res = await call(getInterviewRoute, { path: `/api/v1/interviews/${id}`, params: { id }, headers: { authorization } });
    expect(res.json).toMatchObject({ status: "IN_PROGRESS", interrupted: true, interruptedAt: leftAt.toISOString() });
    expect(res.json.transcript).toHaveLength(1);
  });

  it("a candidate who rejoins before the grace period ends is not flagged", async () => {
    const { id, roomName, candidate, joinedAt } = await inProgress();
    const leftAt = new Date();
    await send({ event: "participant_left", room: roomName, identity: candidate, at: leftAt, joinedAt });
    const back = new Date(leftAt.getTime() + 3 * MINUTE);
    await send({ event: "participant_joined", room: roomName, identity: candidate, at: back });
    await runChecksAt(new Date(leftAt.getTime() + GRACE + MINUTE));
    expect(await row(id)).toMatchObject({ status: "IN_PROGRESS", interruptedAt: null });
    expect(await deliveriesOf("interview.interrupted", id)).toHaveLength(0);
  });

  it("a reload whose new connection is reported before the old one leaves is a return, not an interruption", async () => {
    const { id, roomName, candidate, joinedAt } = await inProgress();
    const now = new Date();
    // LiveKit replaces the old connection of the same identity: the join of the new one comes first.
    await send({ event: "participant_joined", room: roomName, identity: candidate, at: now });
    await send({ event: "participant_left", room: roomName, identity: candidate, at: new Date(now.getTime() + 1000), joinedAt });
    await runChecksAt(new Date(now.getTime() + GRACE + MINUTE));
    expect((await row(id)).interruptedAt).toBeNull();
  });

  it("a candidate who rejoins and leaves again is judged from the last departure", async () => {
    const { id, roomName, candidate, joinedAt } = await inProgress();
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
    await send({ event: "participant_left", room: roomName, identity: candidate, at: t0, joinedAt });
    const rejoined = new Date(t0.getTime() + 2 * MINUTE);
    await send({ event: "participant_joined", room: roomName, identity: candidate, at: rejoined });
    const leftAgain = new Date(t0.getTime() + 4 * MINUTE);
    await send({ event: "participant_left", room: roomName, identity: candidate, at: leftAgain, joinedAt: rejoined });
    await runChecksAt(new Date(t0.getTime() + GRACE + MINUTE));
    expect((await row(id)).interruptedAt).toBeNull();
    await runChecksAt(new Date(leftAgain.getTime() + GRACE));
    expect((await row(id)).interruptedAt).toEqual(leftAgain);
  });

  it("room_finished without a finalize flags it after the grace period; after a finalize nothing is scheduled", async () => {
    const open = await inProgress();
    const closedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    expect((await send({ event: "room_finished", room: open.roomName, at: closedAt })).json.handled).toBe("applied");
    await runChecksAt(new Date(closedAt.getTime() + GRACE));
    expect(await row(open.id)).toMatchObject({ status: "IN_PROGRESS", interruptedAt: closedAt });
    expect((await deliveriesOf("interview.interrupted", open.id))[0]!.payload).toMatchObject({ data: { reason: "room_finished" } });

    const done = await inProgress();
    await finalizeInterview(db(), ctx, done.id, { generateReport: false });
    expect((await send({ event: "room_finished", room: done.roomName, at: new Date() })).json.handled).toBe("ignored");
    expect((await send({ event: "participant_left", room: done.roomName, identity: done.candidate, at: new Date(), joinedAt: done.joinedAt })).json.handled).toBe("ignored");
    const jobs = await db().select().from(backgroundJobs).where(sql`${backgroundJobs.payload}->>'interviewId' = ${done.id}`);
    expect(jobs).toEqual([]);
  });

  it("a finalize during the grace period wins: the check finds the interview COMPLETED and flags nothing", async () => {
    const { id, roomName, candidate, joinedAt } = await inProgress();
    const leftAt = new Date();
    await send({ event: "participant_left", room: roomName, identity: candidate, at: leftAt, joinedAt });
    await finalizeInterview(db(), ctx, id, { generateReport: false });
    await runChecksAt(new Date(leftAt.getTime() + GRACE + MINUTE));
    expect(await row(id)).toMatchObject({ status: "COMPLETED", interruptedAt: null });
  });

  it("the grace period is the LIVEKIT_REJOIN_GRACE_MINUTES setting; a replayed departure schedules one check", async () => {
    useAgentEnv({ LIVEKIT_REJOIN_GRACE_MINUTES: "3" });
    const { id, roomName, candidate, joinedAt } = await inProgress();
    const leftAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const body = liveKitEvent({ event: "participant_left", room: roomName, identity: candidate, at: leftAt, joinedAt });
    await deliver(body);
    expect((await deliver(body)).json.handled).toBe("replay");
    const jobs = await db().select().from(backgroundJobs).where(sql`${backgroundJobs.payload}->>'interviewId' = ${id}`);
    expect(jobs.map((j) => j.runAt)).toEqual([new Date(leftAt.getTime() + 3 * MINUTE)]);
    await runChecksAt(new Date(leftAt.getTime() + 3 * MINUTE));
    expect((await row(id)).interruptedAt).toEqual(leftAt);
  });
});

describe("egress_ended", () => {
  const egress = (location: string, status = EgressStatus.EGRESS_COMPLETE) => ({ egressId: "EG_1", status, fileResults: [{ filename: "x.ogg", location }] });

  it("stores the recording's location as audioUrl when the agent sent none", async () => {
    const { id, roomName } = await inProgress();
    const url = "https://recordings.example.com/interview.ogg";
    expect((await send({ event: "egress_ended", room: roomName, at: new Date(), egress: egress(url) })).json.handled).toBe("applied");
    expect((await row(id)).audioUrl).toBe(url);
  });

  it("keeps the agent's audioUrl, and ignores a failed recording or a location the console cannot link to", async () => {
    const { id, roomName } = await inProgress();
    await finalizeInterview(db(), ctx, id, { generateReport: false, audioUrl: "https://agent.example.com/a.ogg" });
    expect((await send({ event: "egress_ended", room: roomName, at: new Date(), egress: egress("https://recordings.example.com/b.ogg") })).json.handled).toBe("ignored");
    expect((await row(id)).audioUrl).toBe("https://agent.example.com/a.ogg");

    const other = await inProgress();
    await send({ event: "egress_ended", room: other.roomName, at: new Date(), egress: egress("https://recordings.example.com/c.ogg", EgressStatus.EGRESS_FAILED) });
    await send({ event: "egress_ended", room: other.roomName, at: new Date(), egress: egress("s3://bucket/c.ogg") });
    expect((await row(other.id)).audioUrl).toBeNull();
  });
});
