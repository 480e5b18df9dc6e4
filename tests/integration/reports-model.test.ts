
import { beforeAll, describe, expect, it } from "vitest";
import type { Criterion } from "@/lib/interview-configs/schema";
import type { Ctx } from "@/lib/context";
import { resetEnvCache } from "@/lib/env";
import { PermanentJobError } from "@/lib/queue/types";
import { normaliseForQuote } from "@/lib/reports/evidence";
import { ADVISORY_NOTICE, PROMPT_VERSION } from "@/lib/reports/prompt";
import { groundedAnswer, interviewOf, startOpenAIServer, type OpenAIServer } from "../helpers/openai-server";
import { answer, completedInterview, setupReportTests } from "../helpers/report-fixtures";

// Reports built by a model, against a local server that speaks the OpenAI API (not a mock of the SDK).
const f = setupReportTests();
const { db, runJob, reportRow, interviewRow, deliveriesOf, freshOrgWithEndpoint } = f;
let server: OpenAIServer;
let ctx: Ctx;
beforeAll(() => {
  server = f.server();
  ctx = f.ctx();
});

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

