import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { backgroundJobs } from "@/db/background-jobs";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import type { Ctx } from "@/lib/context";
import { resetEnvCache } from "@/lib/env";
import { newId } from "@/lib/ids";
import { finalizeInterview } from "@/lib/agent/finalize";
import { failAbandonedReports } from "@/lib/reports/abandoned";
import { createReportVersion } from "@/lib/reports/create-version";
import { normaliseForQuote } from "@/lib/reports/evidence";
import { HEURISTIC_MODEL } from "@/lib/reports/heuristic";
import { ADVISORY_NOTICE, PROMPT_VERSION } from "@/lib/reports/prompt";
import { regenerateReport } from "@/lib/reports/regenerate";
import { type DemoTurn } from "@/lib/seed/demo-data";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { Webhook } from "standardwebhooks";
import { createTestOrg } from "../helpers/factories";
import { type OpenAIServer } from "../helpers/openai-server";
import { startWebhookReceiver } from "../helpers/webhook-receiver";
import { completedInterview, setupReportTests } from "../helpers/report-fixtures";
import { drainAppJobs } from "../helpers/queue";

// Reports through the queue, without a model key (heuristic-v1), and regenerated as new versions.
const f = setupReportTests();
const { db, runJob, reportRow, interviewRow, deliveriesOf, freshOrgWithEndpoint } = f;
let server: OpenAIServer;
let ctx: Ctx;
beforeAll(() => {
  server = f.server();
  ctx = f.ctx();
});

describe("through the queue", () => {
  it("finalize → report.generate job → 429 → retried → READY → signed report.ready delivered", async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_URLS = "true";
    resetEnvCache();
    const receiver = await startWebhookReceiver();
    try {
      const { ctx: c } = await createTestOrg(db());
      const endpoint = await createWebhookEndpoint(db(), c, { url: receiver.url, eventTypes: ["report.ready"] });
      const { interviewId } = await completedInterview(db(), c, { inProgress: true });
      const { reportId } = await finalizeInterview(db(), { ...c, actor: { type: "agent" } }, interviewId, {});
      server.script({ status: 429, error: "Rate limit reached" });

      const first = await drainAppJobs(db(), { kinds: ["report.generate"] });
      expect(first.map((r) => r.outcome)).toEqual(["retry"]);
      expect((await reportRow(reportId!)).status).toBe("GENERATING");
      await db().update(backgroundJobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(backgroundJobs.status, "QUEUED"));
      const second = await drainAppJobs(db(), { kinds: ["report.generate", "webhook.deliver"] });
      expect(second.filter((r) => r.kind === "report.generate").map((r) => [r.attempt, r.outcome])).toEqual([[2, "succeeded"]]);

      expect(await reportRow(reportId!)).toMatchObject({ status: "READY", version: 1 });
      expect((await interviewRow(interviewId)).reportId).toBe(reportId);
      expect(receiver.received).toHaveLength(1);
      const payload = new Webhook(endpoint.secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers);
      expect(payload).toMatchObject({ type: "report.ready", data: { reportId, interviewId, status: "READY" } });
    } finally {
      delete process.env.WEBHOOKS_ALLOW_PRIVATE_URLS;
      await receiver.close();
    }
  });

  it("fails a report whose job failed for good without running (its process died on the last attempt)", async () => {
    const { c, endpointId } = await freshOrgWithEndpoint(["report.failed"]);
    const { reportId } = await completedInterview(db(), c);
    await db().update(reports).set({ status: "GENERATING" }).where(eq(reports.id, reportId));
    await db().insert(backgroundJobs).values({ id: newId("backgroundJob"), kind: "report.generate", payload: { reportId }, organizationId: c.organizationId, status: "FAILED", attempts: 9, maxAttempts: 8, lastError: "PermanentJobError: Attempt 8 of 8 stopped without finishing\n    at run" });
    expect(await failAbandonedReports(db())).toBe(1);
    expect(await reportRow(reportId)).toMatchObject({ status: "FAILED", failureReason: "The generation job failed without finishing: PermanentJobError: Attempt 8 of 8 stopped without finishing" });
    expect((await deliveriesOf(endpointId)).map((d) => d.eventType)).toEqual(["report.failed"]);
    expect(await failAbandonedReports(db())).toBe(0);
  });
});

describe("report generation without a model key (heuristic-v1)", () => {
  it("builds a READY report from the per-turn ratings, quoting the candidate's own sentences", async () => {
    delete process.env.OPENAI_API_KEY;
    resetEnvCache();
    const { interviewId, reportId, transcript } = await completedInterview(db(), ctx);
    expect(await runJob(reportId)).toBeUndefined();
    expect(server.requests).toHaveLength(0);
    const report = await reportRow(reportId);
    expect(report).toMatchObject({ status: "READY", model: HEURISTIC_MODEL, promptVersion: PROMPT_VERSION, droppedQuotes: 0 });
    // communication 4,5,4,4 → 4.25 → 4; experience 5,5,4 → 4.67 → 5; motivation 4,4 → 4.
    expect(report.scorecard!.criteria.map((c) => [c.key, c.score])).toEqual([
      ["communication", 4],
      ["experience", 5],
      ["motivation", 4],
    ]);
    // (1·4 + 2·5 + 1·4) / 4 = 4.5 → 87.5 → STRONG_YES with the default bands.
    expect(report).toMatchObject({ overallScore: 87.5, recommendation: "STRONG_YES" });
    expect(report.summary!.endsWith(ADVISORY_NOTICE)).toBe(true);
    const quotes = report.scorecard!.criteria.flatMap((c) => c.evidence);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      const turn = transcript[q.turnNumber - 1]!;
      expect(turn.role).toBe("candidate");
      expect(normaliseForQuote(turn.content)).toContain(normaliseForQuote(q.quote));
    }
    expect((await interviewRow(interviewId)).reportId).toBe(reportId);
  });

  it("leaves a criterion nobody rated unscored, and names it as a concern", async () => {
    delete process.env.OPENAI_API_KEY;
    resetEnvCache();
    const transcript: DemoTurn[] = [
      { role: "agent", content: "Why this role?" },
      { role: "candidate", content: "Fine.", evaluation: { criteria: { motivation: 2 } } },
    ];
    const { reportId } = await completedInterview(db(), ctx, { transcript });
    await runJob(reportId);
    const report = await reportRow(reportId);
    expect(report.scorecard!.criteria.map((c) => [c.key, c.score])).toEqual([
      ["communication", null],
      ["experience", null],
      ["motivation", 2],
    ]);
    expect(report.overallScore).toBe(25);
    expect(report.recommendation).toBe("DEFINITELY_NO");
    expect(report.concerns).toEqual(expect.arrayContaining(["Motivation for the role: rated 2 of 5.", "Relevant experience: not assessed in this interview."]));
    expect(report.scorecard!.criteria[2]!.evidence).toEqual([{ turnNumber: 2, quote: "Fine." }]);
  });
});

describe("regeneration", () => {
  it("makes a new version, keeps the old one, and moves the interview to it once READY", async () => {
    const { interviewId, reportId } = await completedInterview(db(), ctx);
    await runJob(reportId);
    const { report: v2, created } = await regenerateReport(db(), ctx, interviewId);
    expect(created).toBe(true);
    expect(v2).toMatchObject({ version: 2, status: "PENDING", interviewId });
    const [job] = await db().select().from(backgroundJobs).where(eq(backgroundJobs.dedupeKey, `report.generate:${v2.id}`));
    expect(job).toMatchObject({ kind: "report.generate", payload: { reportId: v2.id }, organizationId: ctx.organizationId });
    // Asked again while v2 is pending: the same version, not a third.
    expect((await regenerateReport(db(), ctx, interviewId)).report.id).toBe(v2.id);
    expect((await interviewRow(interviewId)).reportId).toBe(reportId);

    await runJob(v2.id);
    expect((await interviewRow(interviewId)).reportId).toBe(v2.id);
    const versions = await db().select().from(reports).where(eq(reports.interviewId, interviewId));
    expect(versions.map((r) => [r.version, r.status]).sort()).toEqual([
      [1, "READY"],
      [2, "READY"],
    ]);
  });

  it("finalize and regenerate both create versions through createReportVersion: numbered, scored against the snapshot, each with its job", async () => {
    const { interviewId } = await completedInterview(db(), ctx, { inProgress: true });
    const { reportId } = await finalizeInterview(db(), { ...ctx, actor: { type: "agent" } }, interviewId, {});
    await db().update(reports).set({ status: "READY" }).where(eq(reports.id, reportId!));
    const { report: v2 } = await regenerateReport(db(), ctx, interviewId);
    const versions = await db().select().from(reports).where(eq(reports.interviewId, interviewId)).orderBy(reports.version);
    expect(versions.map((r) => [r.id, r.version, r.configVersion])).toEqual([
      [reportId, 1, 3],
      [v2.id, 2, 3],
    ]);
    const jobs = await db().select().from(backgroundJobs).where(inArray(backgroundJobs.dedupeKey, [`report.generate:${reportId}`, `report.generate:${v2.id}`]));
    expect(jobs.map((j) => [j.kind, j.maxAttempts, j.payload.reportId]).sort()).toEqual(
      [
        ["report.generate", 8, reportId],
        ["report.generate", 8, v2.id],
      ].sort(),
    );
  });

  it("numbers versions created at the same time one after the other", async () => {
    const { interviewId } = await completedInterview(db(), ctx);
    const made = await Promise.all([1, 2, 3].map(() => db().transaction((tx) => createReportVersion(tx, ctx, interviewId))));
    expect(made.map((r) => r.version).sort()).toEqual([2, 3, 4]);
    await expect(db().transaction((tx) => createReportVersion(tx, ctx, newId("interview")))).rejects.toMatchObject({ status: 404 });
  });

  it("an older version finishing late does not take the interview back", async () => {
    const { interviewId, reportId } = await completedInterview(db(), ctx);
    await db().update(reports).set({ status: "FAILED" }).where(eq(reports.id, reportId));
    const { report: v2 } = await regenerateReport(db(), ctx, interviewId);
    await runJob(v2.id);
    await db().update(reports).set({ status: "GENERATING" }).where(eq(reports.id, reportId));
    await runJob(reportId);
    expect((await reportRow(reportId)).status).toBe("READY");
    expect((await interviewRow(interviewId)).reportId).toBe(v2.id);
  });

  it("404 for another organisation's, an unknown or a malformed interview id; 409 before completion", async () => {
    const { interviewId } = await completedInterview(db(), ctx);
    const other = await createTestOrg(db());
    await expect(regenerateReport(db(), other.ctx, interviewId)).rejects.toMatchObject({ status: 404 });
    await expect(regenerateReport(db(), ctx, newId("interview"))).rejects.toMatchObject({ status: 404 });
    await expect(regenerateReport(db(), ctx, "int_nope")).rejects.toMatchObject({ status: 404 });
    await db().update(interviews).set({ status: "IN_PROGRESS" }).where(and(eq(interviews.id, interviewId)));
    await expect(regenerateReport(db(), ctx, interviewId)).rejects.toMatchObject({ status: 409 });
  });
});


