import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as finalize } from "@/app/api/interviews/[id]/finalize/route";
import { GET as history } from "@/app/api/interviews/[id]/history/route";
import { POST as postTurn } from "@/app/api/interviews/[id]/turns/route";
import { backgroundJobs } from "@/db/background-jobs";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
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
  await db.get().db.insert(webhookEndpoints).values({
    id: newId("webhookEndpoint"),
    organizationId: ctx.organizationId,
    url: "https://hooks.example.com/parley",
    secret: "whsec_test",
    eventTypes: ["interview.completed"],
  } as typeof webhookEndpoints.$inferInsert);
});

const make = (fx: InterviewFixture = {}) => createTestInterview(db.get().db, ctx, fx);
const post = (id: string, body: unknown) => call(postTurn, { method: "POST", path: "/x", params: { id }, headers: secretHeaders, body });
const fin = (id: string, body: unknown = {}) => call(finalize, { method: "POST", path: `/api/interviews/${id}/finalize`, params: { id }, headers: secretHeaders, body });
const getHistory = (id: string) => call(history, { path: `/api/interviews/${id}/history`, params: { id }, headers: secretHeaders });
const reportJobs = (reportId: string) =>
  db.get().db.select().from(backgroundJobs).where(eq(backgroundJobs.dedupeKey, `report.generate:${reportId}`));

describe("POST /api/interviews/:id/finalize", () => {
  it("completes, creates a PENDING report queued durably, links it, emits interview.completed", async () => {
    const { id } = await make({ status: "INVITED" });
    await post(id, { turnNumber: 1, role: "agent", content: "Hello" });
    const endedAt = new Date(Date.now() + 1000).toISOString();
    const res = await fin(id, { endedAt, audioUrl: "https://cdn.example.com/full.ogg" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id, status: "COMPLETED", endedAt, audioUrl: "https://cdn.example.com/full.ogg", reportId: expect.stringMatching(/^rep_/), reportStatus: "PENDING" });

    const [row] = await db.get().db.select().from(interviews).where(eq(interviews.id, id));
    expect(row).toMatchObject({ status: "COMPLETED", reportId: res.json.reportId, audioUrl: "https://cdn.example.com/full.ogg" });
    expect(row!.endedAt!.toISOString()).toBe(endedAt);
    const [report] = await db.get().db.select().from(reports).where(eq(reports.id, res.json.reportId));
    expect(report).toMatchObject({ status: "PENDING", version: 1, interviewId: id, configVersion: 3 });
    const jobs = await reportJobs(res.json.reportId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: "report.generate", payload: { reportId: res.json.reportId }, organizationId: ctx.organizationId });
    const deliveries = await db.get().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventType, "interview.completed"));
    expect(deliveries.filter((d) => (d.payload as { data: { interviewId: string } }).data.interviewId === id)).toHaveLength(1);

    // Finalize again: the same answer, nothing new queued or emitted.
    const again = await fin(id, { endedAt: new Date().toISOString() });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(res.json);
    expect(await reportJobs(res.json.reportId)).toHaveLength(1);
    expect(await db.get().db.select().from(reports).where(eq(reports.interviewId, id))).toHaveLength(1);
    const after = await db.get().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventType, "interview.completed"));
    expect(after.length).toBe(deliveries.length);

    // Completed is final for turns too, and the history says so.
    expect((await post(id, { turnNumber: 2, role: "agent", content: "late" })).status).toBe(409);
    expect((await getHistory(id)).json.status).toBe("COMPLETED");
  });

  it("humanRequested: true flags the interview once, with its webhook, in the finalize's transaction", async () => {
    const { ctx: own } = await createTestOrg(db.get().db);
    const endpointId = newId("webhookEndpoint");
    await db.get().db.insert(webhookEndpoints).values({ id: endpointId, organizationId: own.organizationId, url: "https://hooks.example.com/parley", secret: "whsec_test", eventTypes: ["interview.human_requested"] } as typeof webhookEndpoints.$inferInsert);
    const { id } = await createTestInterview(db.get().db, own, { status: "INVITED" });
    await post(id, { turnNumber: 1, role: "agent", content: "Hello" });
    expect((await fin(id, { humanRequested: "yes" })).status).toBe(422);
    expect((await fin(id, { humanRequested: true })).status).toBe(200);
    expect((await fin(id, { humanRequested: true })).status).toBe(200);
    const [row] = await db.get().db.select().from(interviews).where(eq(interviews.id, id));
    expect(row!.humanRequestedAt).toBeInstanceOf(Date);
    const deliveries = await db.get().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
    expect(deliveries.map((x) => x.payload)).toEqual([{ type: "interview.human_requested", timestamp: expect.any(String), data: { interviewId: id, humanRequestedAt: row!.humanRequestedAt!.toISOString() } }]);

    // Without the flag, nothing is flagged.
    const { id: plain } = await make({ status: "INVITED" });
    await post(plain, { turnNumber: 1, role: "agent", content: "Hello" });
    await fin(plain, {});
    const [plainRow] = await db.get().db.select().from(interviews).where(eq(interviews.id, plain));
    expect(plainRow!.humanRequestedAt).toBeNull();
  });

  it("two finalizes at once: one report, one job", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    const [a, b] = await Promise.all([fin(id), fin(id)]);
    expect(a.status).toBe(200);
    expect(b.json.reportId).toBe(a.json.reportId);
    expect(await db.get().db.select().from(reports).where(eq(reports.interviewId, id))).toHaveLength(1);
  });

  it("generateReport defaults to the stage's setting, and an explicit value wins", async () => {
    const off = await make({ status: "IN_PROGRESS", stageGenerateReport: false });
    expect((await fin(off.id)).json).toMatchObject({ reportId: null, reportStatus: null, status: "COMPLETED" });
    expect(await db.get().db.select().from(reports).where(eq(reports.interviewId, off.id))).toHaveLength(0);

    const forced = await make({ status: "IN_PROGRESS", stageGenerateReport: false });
    expect((await fin(forced.id, { generateReport: true })).json.reportStatus).toBe("PENDING");

    const on = await make({ status: "IN_PROGRESS", stageGenerateReport: true });
    expect((await fin(on.id, { generateReport: false })).json.reportId).toBeNull();
    const noStage = await make({ status: "IN_PROGRESS" });
    expect((await fin(noStage.id)).json.reportStatus).toBe("PENDING");
  });

  it("409 for a cancelled, expired or never started interview; nothing written", async () => {
    for (const fx of [{ status: "CANCELLED" as const }, { status: "EXPIRED" as const }, { status: "INVITED" as const, expiresAt: new Date(Date.now() - 1000) }, { status: "DRAFT" as const }, { status: "INVITED" as const }]) {
      const { id } = await make(fx);
      const res = await fin(id);
      expect(res.status).toBe(409);
      expect(res.json.code).toBe("invalid_state");
      const [row] = await db.get().db.select().from(interviews).where(eq(interviews.id, id));
      expect(row!.status).toBe(fx.status);
      expect(await db.get().db.select().from(reports).where(eq(reports.interviewId, id))).toHaveLength(0);
    }
  });

  it("422 for a bad endedAt or audioUrl; 404 for an unknown interview", async () => {
    const { id } = await make({ status: "IN_PROGRESS" });
    expect((await fin(id, { endedAt: "yesterday" })).json.errors[0].field).toBe("endedAt");
    expect((await fin(id, { endedAt: new Date(Date.now() - 3600_000).toISOString() })).json.errors[0].field).toBe("endedAt");
    expect((await fin(id, { endedAt: new Date(Date.now() + 3600_000).toISOString() })).status).toBe(422);
    expect((await fin(id, { audioUrl: "http://cdn.example.com/a.ogg" })).json.errors[0].field).toBe("audioUrl");
    expect((await fin(id, { generateReport: "yes" })).status).toBe(422);
    const [row] = await db.get().db.select().from(interviews).where(eq(interviews.id, id));
    expect(row!.status).toBe("IN_PROGRESS");
    expect((await fin("int_0123456789abcdefghijkl")).status).toBe(404);
  });
});

describe("GET /api/interviews/:id/history", () => {
  it("gives context, ordered turns, the pending question and where to go on", async () => {
    const { id } = await make({ status: "INVITED", firstName: "Grace", locale: "fr", jobTitle: "SRE" });
    const empty = await getHistory(id);
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ interviewId: id, status: "INVITED", turns: [], nextTurnNumber: 1, pendingQuestion: null, startedAt: null, elapsedSeconds: 0, remainingSeconds: 1800 });
    expect(empty.json.candidate).toEqual({ firstName: "Grace", locale: "fr" });
    expect(empty.json.job).toEqual({ title: "SRE", description: "Builds the API." });
    expect(empty.json.config).toMatchObject({ language: "en", maxDurationMinutes: 30, version: 3 });
    expect(empty.json.config.questions.length).toBeGreaterThan(0);
    expect(empty.json.config.criteria[0]).toMatchObject({ key: expect.any(String), weight: expect.any(Number) });
    expect(empty.json).not.toHaveProperty("candidate.email");

    await post(id, { turnNumber: 2, role: "candidate", content: "Hi, I am Grace" });
    await post(id, { turnNumber: 1, role: "agent", content: "Welcome", evaluation: { questionId: "intro" } });
    await post(id, { turnNumber: 3, role: "agent", content: "Tell me about you", isPendingQuestion: true, evaluation: { questionId: "q1" } });
    const res = await getHistory(id);
    expect(res.json.status).toBe("IN_PROGRESS");
    expect(res.json.turns.map((t: { turnNumber: number }) => t.turnNumber)).toEqual([1, 2, 3]);
    expect(res.json.turns.map((t: { isPendingQuestion: boolean }) => t.isPendingQuestion)).toEqual([false, false, true]);
    expect(res.json.nextTurnNumber).toBe(4);
    expect(res.json.pendingQuestion).toMatchObject({ turnNumber: 3 });
    expect(res.json.askedQuestionIds).toEqual(["intro", "q1"]);
    expect(res.json.startedAt).toEqual(expect.any(String));

    // The candidate answered: nothing pending any more.
    await post(id, { turnNumber: 4, role: "candidate", content: "I run systems" });
    expect((await getHistory(id)).json.pendingQuestion).toBeNull();
  });

  it("time spent counts from startedAt", async () => {
    const { id } = await make({ status: "IN_PROGRESS", startedAt: new Date(Date.now() - 125_000) });
    const res = await getHistory(id);
    expect(res.json.elapsedSeconds).toBeGreaterThanOrEqual(125);
    expect(res.json.elapsedSeconds).toBeLessThan(135);
    expect(res.json.remainingSeconds).toBe(1800 - res.json.elapsedSeconds);
  });
});
