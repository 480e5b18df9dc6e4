import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backgroundJobs } from "@/db/background-jobs";
import { interviewConfigs, type Criterion, type ScoreBands } from "@/db/interview-configs";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import { webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { newId } from "@/lib/ids";
import { snapshotOf } from "@/lib/interviews/references";
import { finalizeInterview } from "@/lib/agent/finalize";
import { drainQueue } from "@/lib/queue/drain";
import { PermanentJobError } from "@/lib/queue/types";
import { failAbandonedReports } from "@/lib/reports/abandoned";
import { normaliseForQuote } from "@/lib/reports/evidence";
import { reportGenerateHandler } from "@/lib/reports/handler";
import { HEURISTIC_MODEL } from "@/lib/reports/heuristic";
import { ADVISORY_NOTICE, PROMPT_VERSION } from "@/lib/reports/prompt";
import { regenerateReport } from "@/lib/reports/regenerate";
import { COMPLETED_TRANSCRIPT, type DemoTurn } from "@/lib/seed/demo-data";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { Webhook } from "standardwebhooks";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertCandidate, insertInterview, insertJob } from "../helpers/interview-fixtures";
import { groundedAnswer, interviewOf, startOpenAIServer, type OpenAIServer } from "../helpers/openai-server";
import { startWebhookReceiver } from "../helpers/webhook-receiver";

const database = setupTestDatabase();
const db = () => database.get().db;
let server: OpenAIServer;
let ctx: Ctx;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startOpenAIServer();
  ({ ctx } = await createTestOrg(db()));
});
afterAll(() => server.close());
beforeEach(() => {
  process.env.OPENAI_API_KEY = "sk-test-local";
  process.env.OPENAI_BASE_URL = server.baseUrl;
  process.env.OPENAI_MODEL = "gpt-4o";
  resetEnvCache();
  server.requests.length = 0;
});
afterEach(() => {
  for (const key of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "REPORT_CONCURRENCY"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
});

/** A completed interview with its transcript and a PENDING report v1, as finalize leaves it. */
async function completedInterview(
  d: Db,
  c: Ctx,
  options: { transcript?: DemoTurn[]; criteria?: Criterion[]; scoreBands?: ScoreBands; inProgress?: boolean } = {},
) {
  const [config] = await d.select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, c.organizationId));
  const configSnapshot = {
    ...snapshotOf(config!),
    criteria: options.criteria ?? config!.criteria,
    scoreBands: options.scoreBands ?? config!.scoreBands,
    version: 3,
  };
  const ref = { candidateId: await insertCandidate(d, c), jobId: await insertJob(d, c, "Senior Backend Engineer") };
  const { interview } = await insertInterview(d, c, ref, options.inProgress ? { status: "IN_PROGRESS", startedAt: new Date(Date.now() - 600_000), configSnapshot } : { status: "COMPLETED", configSnapshot });
  const interviewId = interview.id;
  const transcript = options.transcript ?? COMPLETED_TRANSCRIPT;
  for (const [i, turn] of transcript.entries()) {
    await d.insert(interviewTurns).values({
      id: newId("turn"),
      organizationId: c.organizationId,
      interviewId,
      turnNumber: i + 1,
      role: turn.role,
      content: turn.content,
      evaluation: turn.evaluation ?? null,
    });
  }
  if (options.inProgress) return { interviewId, reportId: "", transcript };
  const reportId = newId("report");
  await d.insert(reports).values({ id: reportId, organizationId: c.organizationId, interviewId, version: 1, status: "PENDING" });
  return { interviewId, reportId, transcript };
}

/** Runs the handler as the queue would for one attempt; returns the error it threw, if any. */
async function runJob(reportId: string, attempt = 1, maxAttempts = 3, c: Ctx = ctx): Promise<unknown> {
  try {
    await reportGenerateHandler(db(), { id: "bj_test", kind: "report.generate", payload: { reportId }, organizationId: c.organizationId, attempt, maxAttempts });
    return undefined;
  } catch (err) {
    return err;
  }
}

const reportRow = async (id: string) => (await db().select().from(reports).where(eq(reports.id, id)))[0]!;
const interviewRow = async (id: string) => (await db().select().from(interviews).where(eq(interviews.id, id)))[0]!;
const answer = (body: unknown) => ({ content: JSON.stringify(body) });

async function subscribe(c: Ctx, eventTypes: string[]) {
  const id = newId("webhookEndpoint");
  await db().insert(webhookEndpoints).values({ id, organizationId: c.organizationId, url: "https://hooks.example.com/parley", secret: "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=", eventTypes });
  return id;
}
const deliveriesOf = (endpointId: string) => db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

describe("report generation with a model", () => {
  it("sends the transcript, the job and the criteria, and asks for json_schema output", async () => {
    const { interviewId, reportId, transcript } = await completedInterview(db(), ctx);
    process.env.OPENAI_MODEL = "gpt-4o-test";
    resetEnvCache();
    expect(await runJob(reportId)).toBeUndefined();

    expect(server.requests).toHaveLength(1);
    const { body, headers } = server.requests[0]!;
    expect(headers.authorization).toBe("Bearer sk-test-local");
    expect(body.model).toBe("gpt-4o-test");
    expect(body.response_format?.type).toBe("json_schema");
    expect(body.response_format?.json_schema?.strict).toBe(true);
    const schemaText = JSON.stringify(body.response_format?.json_schema?.schema);
    for (const field of ["summary", "strengths", "concerns", "criteria", "rationale", "evidence", "turnNumber", "quote"]) expect(schemaText).toContain(`"${field}"`);
    expect(schemaText).not.toContain("overallScore");
    expect(schemaText).toContain('"enum":["communication","experience","motivation"]');

    const sent = interviewOf(body);
    expect(sent.transcript).toHaveLength(transcript.length);
    expect(sent.transcript[1]).toEqual({ turn: 2, role: "candidate", text: transcript[1]!.content });
    expect(sent.transcript[0]!.role).toBe("agent");
    expect(sent.criteria.map((c) => c.key)).toEqual(["communication", "experience", "motivation"]);
    const user = body.messages.find((m) => m.role === "user")!.content;
    expect(user).toContain("Senior Backend Engineer");
    expect(user).toContain("Specific, relevant examples with clear personal contribution and outcomes.");
    expect(user).toContain('"experience": 5');
    const system = body.messages.find((m) => m.role === "system")!.content;
    for (const word of ["accent", "emotion", "filler words", "protected characteristic"]) expect(system).toContain(word);

    const report = await reportRow(reportId);
    expect(report).toMatchObject({ status: "READY", model: "gpt-4o-test", promptVersion: PROMPT_VERSION, configVersion: 3, droppedQuotes: 0, failureReason: null });
    expect(report.generatedAt).toBeInstanceOf(Date);
    expect(report.summary).toContain(ADVISORY_NOTICE);
    expect(report.scorecard!.criteria.map((c) => [c.key, c.label, c.weight, c.score])).toEqual([
      ["communication", "Clarity of communication", 1, 4],
      ["experience", "Relevant experience", 2, 4],
      ["motivation", "Motivation for the role", 1, 4],
    ]);
    expect((await interviewRow(interviewId)).reportId).toBe(reportId);
  });

  it("drops quotes not found in the candidate's turns and counts them; case and spacing do not matter", async () => {
    const { reportId, transcript } = await completedInterview(db(), ctx);
    server.script((req) =>
      answer({
        ...groundedAnswer(req),
        criteria: [
          {
            key: "experience",
            score: 5,
            rationale: "Led a migration.",
            evidence: [
              { turnNumber: 4, quote: "  I WROTE the design\n document " }, // real, spacing and case differ
              { turnNumber: 4, quote: "I single-handedly rewrote the entire platform in a weekend" }, // fabricated
              { turnNumber: 3, quote: "What was your own contribution?" }, // the interviewer's words
              { turnNumber: 2, quote: "I wrote the design document" }, // real words, wrong turn
              { turnNumber: 99, quote: "six years" }, // no such turn
            ],
          },
        ],
      }),
    );
    await runJob(reportId);
    const report = await reportRow(reportId);
    expect(report.status).toBe("READY");
    expect(report.droppedQuotes).toBe(4);
    const experience = report.scorecard!.criteria.find((c) => c.key === "experience")!;
    expect(experience.evidence).toEqual([{ turnNumber: 4, quote: "I WROTE the design document" }]);
    expect(normaliseForQuote(transcript[3]!.content)).toContain(normaliseForQuote(experience.evidence[0]!.quote));
    // A criterion the model left out is kept, unscored.
    expect(report.scorecard!.criteria.find((c) => c.key === "motivation")).toMatchObject({ score: null, evidence: [] });
  });

  it("computes the overall score from the configuration's weights and the recommendation from its bands", async () => {
    const criteria: Criterion[] = [
      { key: "depth", label: "Technical depth", weight: 3, anchors: { "1": "None", "5": "Expert" } },
      { key: "clarity", label: "Clarity", weight: 1, anchors: {} },
      { key: "teamwork", label: "Teamwork", weight: 2, anchors: {} },
    ];
    const scores: Record<string, number | null> = { depth: 4, clarity: 2, teamwork: null };
    const strict = await completedInterview(db(), ctx, { criteria, scoreBands: { strongYes: 95, yes: 90, noDecision: 80, no: 60 } });
    const lenient = await completedInterview(db(), ctx, { criteria, scoreBands: { strongYes: 60, yes: 50, noDecision: 40, no: 20 } });
    server.script((req) => answer(groundedAnswer(req, (k) => scores[k]!)), (req) => answer(groundedAnswer(req, (k) => scores[k]!)));
    await runJob(strict.reportId);
    await runJob(lenient.reportId);
    // (3·4 + 1·2) / 4 = 3.5 → (3.5 − 1) / 4 → 62.5; teamwork is unscored and left out.
    expect(await reportRow(strict.reportId)).toMatchObject({ overallScore: 62.5, recommendation: "NO" });
    expect(await reportRow(lenient.reportId)).toMatchObject({ overallScore: 62.5, recommendation: "STRONG_YES" });
  });

  it("retries a 429 and a 500 through the queue, then ends READY", async () => {
    const { interviewId, reportId } = await completedInterview(db(), ctx);
    server.script({ status: 429, error: "Rate limit reached for gpt-4o" }, { status: 500, error: "The server had an error" });
    const first = await runJob(reportId, 1, 3);
    expect(first).toBeInstanceOf(Error);
    expect(first).not.toBeInstanceOf(PermanentJobError);
    expect(String(first)).toContain("429");
    expect((await reportRow(reportId)).status).toBe("GENERATING");
    expect(String(await runJob(reportId, 2, 3))).toContain("500");
    expect(await runJob(reportId, 3, 3)).toBeUndefined();
    expect(server.requests).toHaveLength(3);
    expect((await reportRow(reportId)).status).toBe("READY");
    expect((await interviewRow(interviewId)).reportId).toBe(reportId);
  });

  it("records the failure on the last attempt and emits report.failed", async () => {
    const { c, endpointId } = await freshOrgWithEndpoint(["report.failed", "report.ready"]);
    const { interviewId, reportId } = await completedInterview(db(), c);
    server.script({ status: 503, error: "Overloaded" }, { status: 503, error: "Overloaded" });
    await runJob(reportId, 1, 2, c);
    const last = await runJob(reportId, 2, 2, c);
    expect(last).toBeInstanceOf(PermanentJobError);
    const report = await reportRow(reportId);
    expect(report.status).toBe("FAILED");
    expect(report.failureReason).toMatch(/503.*gave up after 2 attempts/);
    expect(report.summary).toBeNull();
    expect((await interviewRow(interviewId)).reportId).toBeNull();
    const sent = await deliveriesOf(endpointId);
    expect(sent.map((d) => d.eventType)).toEqual(["report.failed"]);
    expect(sent[0]!.payload).toMatchObject({ type: "report.failed", data: { reportId, interviewId, version: 1, status: "FAILED" } });
  });

  it("asks again once after a malformed answer, then fails the report with the reason", async () => {
    const { reportId } = await completedInterview(db(), ctx);
    server.script({ content: "Sure! Here is the report: great candidate." }, { content: "{not json" });
    expect(await runJob(reportId)).toBeInstanceOf(PermanentJobError);
    expect(server.requests).toHaveLength(2);
    const report = await reportRow(reportId);
    expect(report.status).toBe("FAILED");
    expect(report.failureReason).toContain("not JSON");

    const second = await completedInterview(db(), ctx);
    server.script((req) => answer({ ...groundedAnswer(req), criteria: [{ key: "experience", score: 9, rationale: "", evidence: [] }] }));
    server.script(() => answer({ summary: "only a summary" }));
    await runJob(second.reportId);
    expect((await reportRow(second.reportId)).failureReason).toMatch(/does not match the report schema/);
  });

  it("accepts a good answer after one malformed one", async () => {
    const { reportId } = await completedInterview(db(), ctx);
    server.script({ content: "garbage" });
    expect(await runJob(reportId)).toBeUndefined();
    expect(server.requests).toHaveLength(2);
    expect((await reportRow(reportId)).status).toBe("READY");
  });

  it("fails at once on a request the provider refuses (401), without retrying", async () => {
    const { reportId } = await completedInterview(db(), ctx);
    server.script({ status: 401, error: "Incorrect API key provided" });
    expect(await runJob(reportId, 1, 5)).toBeInstanceOf(PermanentJobError);
    expect(await reportRow(reportId)).toMatchObject({ status: "FAILED", failureReason: expect.stringContaining("401") });
  });

  it("is written once: running the job again after READY calls nothing and emits nothing", async () => {
    const { c, endpointId } = await freshOrgWithEndpoint(["report.ready"]);
    const { reportId } = await completedInterview(db(), c);
    await runJob(reportId, 1, 3, c);
    const first = await reportRow(reportId);
    await runJob(reportId, 1, 3, c);
    expect(server.requests).toHaveLength(1);
    expect((await reportRow(reportId)).updatedAt).toEqual(first.updatedAt);
    const sent = await deliveriesOf(endpointId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({ type: "report.ready", data: { reportId, version: 1, status: "READY" } });
  });

  it("keeps at most REPORT_CONCURRENCY model calls in flight", async () => {
    const slow = await startOpenAIServer({ latencyMs: 150 });
    process.env.OPENAI_BASE_URL = slow.baseUrl;
    process.env.REPORT_CONCURRENCY = "2";
    resetEnvCache();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await completedInterview(db(), ctx));
    await Promise.all(made.map((m) => runJob(m.reportId)));
    await slow.close();
    expect(slow.requests).toHaveLength(5);
    expect(slow.maxInFlight()).toBe(2);
    for (const m of made) expect((await reportRow(m.reportId)).status).toBe("READY");
  });
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

      const first = await drainQueue(db(), { kinds: ["report.generate"] });
      expect(first.map((r) => r.outcome)).toEqual(["retry"]);
      expect((await reportRow(reportId!)).status).toBe("GENERATING");
      await db().update(backgroundJobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(backgroundJobs.status, "QUEUED"));
      const second = await drainQueue(db(), { kinds: ["report.generate", "webhook.deliver"] });
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

async function freshOrgWithEndpoint(eventTypes: string[]) {
  const { ctx: c } = await createTestOrg(db());
  return { c, endpointId: await subscribe(c, eventTypes) };
}
