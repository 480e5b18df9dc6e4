import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as decideRoute } from "@/app/api/v1/interviews/[id]/decision/route";
import { GET as interviewRoute } from "@/app/api/v1/interviews/[id]/route";
import { GET as reportRoute } from "@/app/api/v1/reports/[reportId]/route";
import { auditEvents } from "@/db/audit-events";
import { reports } from "@/db/reports";
import { webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { recordDecision } from "@/lib/decisions/record";
import { newId } from "@/lib/ids";
import { createUser } from "@/lib/users";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { insertCurrentReport, insertInterview, interviewWorld } from "../helpers/interview-fixtures";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();
const d = () => db.get().db;

/** A COMPLETED interview whose current report is READY with the given recommendation (or none at all). */
async function decidable(d: Db, ctx: Ctx, report: "READY" | "FAILED" | "none" = "READY") {
  const { interview } = await insertInterview(d, ctx, await interviewWorld(d, ctx), { status: "COMPLETED", startedAt: new Date(Date.now() - 900_000), endedAt: new Date() });
  if (report === "none") return { interviewId: interview.id, reportId: null };
  const reportId = await insertCurrentReport(d, ctx, interview.id, {
    status: report,
    ...(report === "READY" ? { recommendation: "NO" as const, overallScore: 42, generatedAt: new Date() } : { failureReason: "model down" }),
  });
  return { interviewId: interview.id, reportId };
}

const departing = { outcome: "ADVANCE", agreesWithRecommendation: false, reason: "Strong system design the scorer under-weighted." };

async function decide(ctx: Ctx, interviewId: string, body: unknown) {
  const { authorization } = await createTestKey(d(), ctx, ["interviews:write"]);
  return call(decideRoute, { method: "POST", path: `/api/v1/interviews/${interviewId}/decision`, params: { id: interviewId }, headers: { authorization }, body });
}

securityBattery({
  handler: decideRoute,
  method: "POST",
  scope: "interviews:write",
  db,
  path: (id) => `/api/v1/interviews/${id}/decision`,
  params: (id) => ({ id }),
  create: async (d, ctx) => (await decidable(d, ctx)).interviewId,
  body: departing,
});

describe("POST /api/v1/interviews/:id/decision", () => {
  it("records a decision that departs from the recommendation, beside the report, and shows it on the interview and the report", async () => {
    const { ctx } = await createTestOrg(d());
    const { interviewId, reportId } = await decidable(d(), ctx);
    const before = (await d().select().from(reports).where(eq(reports.id, reportId!)))[0]!;

    const res = await decide(ctx, interviewId, departing);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.stringMatching(/^dec_/),
      outcome: "ADVANCE",
      agreesWithRecommendation: false,
      reason: departing.reason,
      recommendation: "NO",
      reportId,
      decidedBy: { type: "api_key", id: expect.stringMatching(/^key_/), name: null },
    });

    const { authorization } = await createTestKey(d(), ctx, ["interviews:read"]);
    const interview = await call(interviewRoute, { path: `/api/v1/interviews/${interviewId}`, params: { id: interviewId }, headers: { authorization } });
    expect(interview.json.decision).toEqual(res.json);
    const report = await call(reportRoute, { path: `/api/v1/reports/${reportId}`, params: { reportId: reportId! }, headers: { authorization } });
    expect(report.json.decision).toEqual(res.json);
    // The AI's report is untouched: same recommendation, same row.
    const after = (await d().select().from(reports).where(eq(reports.id, reportId!)))[0]!;
    expect(after).toEqual(before);
  });

  it("requires a reason to depart from the recommendation, naming the field, and writes nothing", async () => {
    const { ctx } = await createTestOrg(d());
    const { interviewId } = await decidable(d(), ctx);
    for (const reason of [undefined, null, "   "]) {
      const res = await decide(ctx, interviewId, { outcome: "REJECT", agreesWithRecommendation: false, reason });
      expect(res.status, String(reason)).toBe(422);
      expect(res.json.errors).toEqual([expect.objectContaining({ field: "reason", in: "body" })]);
    }
    const res = await decide(ctx, interviewId, { outcome: "MAYBE", agreesWithRecommendation: true });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(["outcome"]);
    const audit = await d().select().from(auditEvents).where(and(eq(auditEvents.targetId, interviewId), eq(auditEvents.action, "decision.recorded")));
    expect(audit).toHaveLength(0);
  });

  it("agreeing needs no reason; deciding again replaces the current decision and the audit log keeps both", async () => {
    const { ctx } = await createTestOrg(d());
    const { interviewId } = await decidable(d(), ctx);
    const first = await decide(ctx, interviewId, { outcome: "REJECT", agreesWithRecommendation: true });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ outcome: "REJECT", agreesWithRecommendation: true, reason: null });
    const second = await decide(ctx, interviewId, { outcome: "HOLD", agreesWithRecommendation: false, reason: "Second opinion first." });
    expect(second.status).toBe(201);

    const { authorization } = await createTestKey(d(), ctx, ["interviews:read"]);
    const interview = await call(interviewRoute, { path: `/api/v1/interviews/${interviewId}`, params: { id: interviewId }, headers: { authorization } });
    expect(interview.json.decision).toMatchObject({ id: second.json.id, outcome: "HOLD" });
    const audit = await d().select().from(auditEvents).where(and(eq(auditEvents.targetId, interviewId), eq(auditEvents.action, "decision.recorded")));
    expect(audit.map((a) => a.data?.outcome).sort()).toEqual(["HOLD", "REJECT"]);
    expect(audit.find((a) => a.data?.outcome === "HOLD")).toMatchObject({ actorType: "api_key", data: { reason: "Second opinion first.", recommendation: "NO" } });
  });

  it("sends interview.decision_recorded to subscribed endpoints, in the decision's transaction", async () => {
    const { ctx } = await createTestOrg(d());
    await d().insert(webhookEndpoints).values({ id: newId("webhookEndpoint"), organizationId: ctx.organizationId, url: "https://hooks.example/parley", secret: "whsec_test", eventTypes: ["interview.decision_recorded"] });
    const { interviewId, reportId } = await decidable(d(), ctx);
    const res = await decide(ctx, interviewId, departing);
    const deliveries = await d().select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, ctx.organizationId));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.payload).toMatchObject({
      type: "interview.decision_recorded",
      data: { interviewId, decisionId: res.json.id, outcome: "ADVANCE", agreesWithRecommendation: false, recommendation: "NO", reportId, decidedAt: res.json.decidedAt },
    });
    expect(JSON.stringify(deliveries[0]!.payload)).not.toContain(departing.reason);
  });

  it("refuses before the interview is COMPLETED (409) and agreement without a READY report (422)", async () => {
    const { ctx } = await createTestOrg(d());
    const { interview } = await insertInterview(d(), ctx, await interviewWorld(d(), ctx), { status: "IN_PROGRESS", startedAt: new Date() });
    const early = await decide(ctx, interview.id, departing);
    expect(early.status).toBe(409);
    expect(early.json.code).toBe("invalid_state");

    for (const report of ["FAILED", "none"] as const) {
      const { interviewId } = await decidable(d(), ctx, report);
      const agree = await decide(ctx, interviewId, { outcome: "ADVANCE", agreesWithRecommendation: true });
      expect(agree.status, report).toBe(422);
      expect(agree.json.errors).toEqual([expect.objectContaining({ field: "agreesWithRecommendation" })]);
      const own = await decide(ctx, interviewId, departing);
      expect(own.status, report).toBe(201);
      expect(own.json).toMatchObject({ recommendation: null });
    }
  });
});

describe("recordDecision (the console's path)", () => {
  it("a viewer cannot decide; a recruiter can, and is named on the decision", async () => {
    const { ctx } = await createTestOrg(d());
    const { id: userId } = await createUser(d(), ctx, { email: `rita-${newId("user").slice(4, 12).toLowerCase()}@example.com`, password: "a-long-password", name: "Rita Recruiter" });
    const { interviewId } = await decidable(d(), ctx);
    const viewer: Ctx = { organizationId: ctx.organizationId, actor: { type: "user", id: userId, role: "viewer" } };
    await expect(recordDecision(d(), viewer, interviewId, { outcome: "ADVANCE", agreesWithRecommendation: false, reason: "x" })).rejects.toMatchObject({ status: 403, code: "forbidden" });
    const recruiter: Ctx = { organizationId: ctx.organizationId, actor: { type: "user", id: userId, role: "recruiter" } };
    const decision = await recordDecision(d(), recruiter, interviewId, { outcome: "ADVANCE", agreesWithRecommendation: false, reason: "Good." });
    expect(decision.decidedBy).toEqual({ type: "user", id: userId, name: "Rita Recruiter" });
  });

  it("another organisation's interview is a 404", async () => {
    const { ctx } = await createTestOrg(d());
    const other = await createTestOrg(d());
    const { interviewId } = await decidable(d(), other.ctx);
    await expect(recordDecision(d(), ctx, interviewId, { outcome: "ADVANCE", agreesWithRecommendation: false, reason: "x" })).rejects.toMatchObject({ status: 404 });
  });
});
