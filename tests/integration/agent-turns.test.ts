import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchTurn } from "@/app/api/interviews/[id]/turns/[turnNumber]/route";
import { POST as postTurn } from "@/app/api/interviews/[id]/turns/route";
import { auditEvents } from "@/db/audit-events";
import { backgroundJobs } from "@/db/background-jobs";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import type { Ctx } from "@/lib/context";
import { newId } from "@/lib/ids";
import { createTestInterview, type InterviewFixture } from "../helpers/agent-fixtures";
import { secretHeaders, useAgentEnv } from "../helpers/agent-env";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";

const db = setupTestDatabase();
let ctx: Ctx;

beforeAll(async () => {
  useAgentEnv();
  ({ ctx } = await createTestOrg(db.get().db));
});

const make = (fx: InterviewFixture = {}) => createTestInterview(db.get().db, ctx, fx);
const post = (id: string, body: unknown) => call(postTurn, { method: "POST", path: `/api/interviews/${id}/turns`, params: { id }, headers: secretHeaders, body });
const patch = (id: string, turnNumber: string | number, body: unknown) =>
  call(patchTurn, { method: "PATCH", path: `/api/interviews/${id}/turns/${turnNumber}`, params: { id, turnNumber: String(turnNumber) }, headers: secretHeaders, body });
const turnRows = (id: string) => db.get().db.select().from(interviewTurns).where(eq(interviewTurns.interviewId, id));
const interviewRow = async (id: string) => (await db.get().db.select().from(interviews).where(eq(interviews.id, id)))[0]!;

describe("POST /api/interviews/:id/turns", () => {
  it("201 with the turn; the first turn starts the interview, emits interview.started and audits, in one go", async () => {
    await db.get().db.insert(webhookEndpoints).values({
      id: newId("webhookEndpoint"),
      organizationId: ctx.organizationId,
      url: "https://hooks.example.com/parley",
      secret: "whsec_test",
      eventTypes: ["interview.started"],
    } as typeof webhookEndpoints.$inferInsert);
    const { id } = await make({ status: "INVITED" });
    const res = await post(id, { turnNumber: 1, role: "agent", content: "Hello Ada", isPendingQuestion: true, evaluation: { questionId: "q1" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ interviewId: id, turnNumber: 1, role: "agent", content: "Hello Ada", isPendingQuestion: true, audioUrl: null, evaluation: { questionId: "q1" } });
    expect(res.json.id).toMatch(/^turn_/);
    expect(res.json.eventId).toMatch(/^[0-9]{16}$/);

    const row = await interviewRow(id);
    expect(row.status).toBe("IN_PROGRESS");
    expect(row.startedAt).toBeInstanceOf(Date);
    const deliveries = await db.get().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, ctx.organizationId));
    expect(deliveries.map((d) => d.eventType)).toEqual(["interview.started"]);
    expect(deliveries[0]!.payload).toMatchObject({ data: { interviewId: id, status: "IN_PROGRESS" } });
    const jobs = await db.get().db.select().from(backgroundJobs).where(eq(backgroundJobs.kind, "webhook.deliver"));
    expect(jobs).toHaveLength(1);
    const audit = await db.get().db.select().from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(audit.map((a) => a.action)).toEqual(["interview.started"]);
    expect(audit.every((a) => a.actorType === "agent")).toBe(true);

    // The second turn does not start it again.
    expect((await post(id, { turnNumber: 2, role: "candidate", content: "Hi" })).status).toBe(201);
    expect((await db.get().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, ctx.organizationId))).length).toBe(1);
    expect((await interviewRow(id)).startedAt!.getTime()).toBe(row.startedAt!.getTime());
  });

  it("a DRAFT interview starts too; content may be empty", async () => {
    const { id } = await make({ status: "DRAFT" });
    const res = await post(id, { turnNumber: 1, role: "candidate" });
    expect(res.status).toBe(201);
    expect(res.json.content).toBe("");
    expect((await interviewRow(id)).status).toBe("IN_PROGRESS");
  });

  it("a retry with the same payload is 200 with the stored turn and writes nothing", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    const body = { turnNumber: 1, role: "agent", content: "Q1", evaluation: { b: 1, a: [1, { y: 2, x: 1 }] } };
    const first = await post(id, body);
    expect(first.status).toBe(201);
    const auditOf = () => db.get().db.select().from(auditEvents).where(eq(auditEvents.targetId, id));
    const auditBefore = await auditOf();
    const again = await post(id, { ...body, evaluation: { a: [1, { x: 1, y: 2 }], b: 1 } });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await turnRows(id)).toHaveLength(1);
    expect(await auditOf()).toEqual(auditBefore);
  });

  it("20 concurrent retries make one row: one 201, nineteen 200, all the same turn", async () => {
    const { id } = await make({ status: "INVITED" });
    const body = { turnNumber: 1, role: "agent", content: "Welcome", audioUrl: "https://cdn.example.com/t1.wav" };
    const results = await Promise.all(Array.from({ length: 20 }, () => post(id, body)));
    expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
    expect(await turnRows(id)).toHaveLength(1);
  });

  it("stores audioUrl as the URL parser reads it, so a retry typed differently is the same turn", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    const typed = "HTTPS://Storage.Example.COM:443/recordings/../rec/turn 1.ogg";
    const res = await post(id, { turnNumber: 1, role: "agent", content: "Hi", audioUrl: typed });
    expect(res.status, res.text).toBe(201);
    expect(res.json.audioUrl).toBe("https://storage.example.com/rec/turn%201.ogg");
    expect((await turnRows(id))[0]!.audioUrl).toBe("https://storage.example.com/rec/turn%201.ogg");
    const retry = await post(id, { turnNumber: 1, role: "agent", content: "Hi", audioUrl: "https://storage.example.com/rec/turn%201.ogg" });
    expect(retry.status, retry.text).toBe(200);
  });

  it("409 for the same turn number with other content, role or flags", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    await post(id, { turnNumber: 1, role: "agent", content: "A" });
    for (const body of [
      { turnNumber: 1, role: "agent", content: "B" },
      { turnNumber: 1, role: "candidate", content: "A" },
      { turnNumber: 1, role: "agent", content: "A", isPendingQuestion: true },
      { turnNumber: 1, role: "agent", content: "A", evaluation: { x: 1 } },
    ]) {
      const res = await post(id, body);
      expect(res.status).toBe(409);
      expect(res.json.code).toBe("conflict");
    }
    expect((await turnRows(id))[0]!.content).toBe("A");
  });

  it("409 for a completed, cancelled or expired interview (expiry read from expiresAt, not only the status)", async () => {
    for (const fx of [{ status: "COMPLETED" as const }, { status: "CANCELLED" as const }, { status: "EXPIRED" as const }, { status: "INVITED" as const, expiresAt: new Date(Date.now() - 1000) }]) {
      const { id } = await make(fx);
      const res = await post(id, { turnNumber: 1, role: "agent", content: "Hello" });
      expect(res.status).toBe(409);
      expect(res.json.code).toBe("invalid_state");
      expect(await turnRows(id)).toHaveLength(0);
    }
  });

  it("404 for an unknown interview; another organisation's interview is reachable only in its own organisation", async () => {
    expect((await post("int_0123456789abcdefghijkl", { turnNumber: 1, role: "agent" })).status).toBe(404);
  });

  it("422 naming each invalid field, and nothing written", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    const res = await post(id, { turnNumber: 0, role: "bot", content: 5, audioUrl: "http://evil.example.com/a.wav", isPendingQuestion: "yes", evaluation: [1], extra: true });
    expect(res.status).toBe(422);
    const fields = res.json.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["turnNumber", "role", "content", "audioUrl", "isPendingQuestion", "evaluation"]));
    expect((await post(id, { role: "agent" })).json.errors[0]).toMatchObject({ field: "turnNumber", in: "body" });
    expect((await post(id, { turnNumber: 1.5, role: "agent" })).status).toBe(422);
    expect((await post(id, { turnNumber: 1, role: "agent", audioUrl: "ftp://x/a" })).status).toBe(422);
    expect((await post(id, { turnNumber: 1, role: "agent", audioUrl: "https://user:pw@x.example.com/a" })).status).toBe(422);
    expect(await turnRows(id)).toHaveLength(0);
  });

  it("audioUrl: https anywhere, http only on AUDIO_STORAGE_HOSTS", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    expect((await post(id, { turnNumber: 1, role: "agent", audioUrl: "http://minio.internal:9000/b/1.wav" })).status).toBe(201);
    expect((await post(id, { turnNumber: 2, role: "agent", audioUrl: "http://other.internal/b/1.wav" })).status).toBe(422);
  });

  it("evaluation: 64 KB serialised is the limit", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    const fits = { notes: "x".repeat(64 * 1024 - 12) };
    expect(JSON.stringify(fits).length).toBe(64 * 1024);
    expect((await post(id, { turnNumber: 1, role: "agent", evaluation: fits })).status).toBe(201);
    const res = await post(id, { turnNumber: 2, role: "agent", evaluation: { notes: "x".repeat(64 * 1024) } });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].field).toBe("evaluation");
  });

  it("400 for broken JSON, 415 for a non-JSON body", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    const broken = await call(postTurn, { method: "POST", path: "/x", params: { id }, headers: { ...secretHeaders, "content-type": "application/json" }, rawBody: "{" });
    expect(broken.status).toBe(400);
    const text = await call(postTurn, { method: "POST", path: "/x", params: { id }, headers: { ...secretHeaders, "content-type": "text/plain" }, rawBody: "hi" });
    expect(text.status).toBe(415);
  });
});

describe("PATCH /api/interviews/:id/turns/:turnNumber", () => {
  it("updates content, audio and evaluation, and moves the event id forward", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    const created = await post(id, { turnNumber: 1, role: "candidate", content: "partial", isPendingQuestion: false });
    const res = await patch(id, 1, { content: "final answer", audioUrl: "https://cdn.example.com/1.wav", evaluation: { score: 4 } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ turnNumber: 1, content: "final answer", audioUrl: "https://cdn.example.com/1.wav", evaluation: { score: 4 } });
    expect(BigInt(res.json.eventId)).toBeGreaterThan(BigInt(created.json.eventId));
    // Only what is sent changes.
    const again = await patch(id, 1, { isPendingQuestion: true });
    expect(again.json).toMatchObject({ content: "final answer", isPendingQuestion: true, evaluation: { score: 4 } });
    const audit = await db.get().db.select().from(auditEvents).where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, "turn.updated")));
    expect(audit).toHaveLength(2);
  });

  it("404 for an unknown or malformed turn number, or an unknown interview", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    expect((await patch(id, 7, { content: "x" })).status).toBe(404);
    expect((await patch(id, "abc", { content: "x" })).status).toBe(404);
    expect((await patch(id, "0", { content: "x" })).status).toBe(404);
    expect((await patch("int_0123456789abcdefghijkl", 1, { content: "x" })).status).toBe(404);
  });

  it("409 once the interview is completed: completed is final", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    await post(id, { turnNumber: 1, role: "candidate", content: "answer" });
    await db.get().db.update(interviews).set({ status: "COMPLETED" }).where(eq(interviews.id, id));
    const res = await patch(id, 1, { content: "changed" });
    expect(res.status).toBe(409);
    expect((await turnRows(id))[0]!.content).toBe("answer");
  });

  it("422 for an empty body or a bad field", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    await post(id, { turnNumber: 1, role: "candidate", content: "answer" });
    expect((await patch(id, 1, {})).status).toBe(422);
    const res = await patch(id, 1, { audioUrl: "javascript:alert(1)", role: "agent" });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["audioUrl"]));
  });
});
