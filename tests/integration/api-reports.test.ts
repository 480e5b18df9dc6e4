import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/reports/[reportId]/route";
import { interviewConfigs } from "@/db/interview-configs";
import { type Report, reports } from "@/db/reports";
import { createCandidate } from "@/lib/candidates/create";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { createJob } from "@/lib/jobs/create";
import { insertInterviewRow } from "@/lib/seed/interview-rows";
import { evaluationFromReport } from "@/lib/reports/serialize";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();

const SCORECARD = {
  criteria: [
    { key: "communication", label: "Clarity of communication", weight: 1, score: 4, rationale: "Clear and structured.", evidence: [{ quote: "First I measured, then I changed one thing.", turnNumber: 4 }] },
    { key: "experience", label: "Relevant experience", weight: 2, score: null, rationale: "Not discussed.", evidence: [] },
  ],
};

/** An interview of the organisation with a report in the given state, written as the report worker would. */
async function insertReport(d: Db, ctx: Ctx, values: Partial<typeof reports.$inferInsert> = {}): Promise<Report> {
  const candidate = await createCandidate(d, ctx, { firstName: "A", lastName: "B", email: "a@b.example", phone: null, locale: "en", externalId: null });
  const job = await createJob(d, ctx, { title: "Engineer", description: null, location: null, externalId: null });
  const [config] = await d.select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, ctx.organizationId));
  const { interview } = await insertInterviewRow(d, { organizationId: ctx.organizationId, candidateId: candidate.id, jobId: job.id, config: config! }, { status: "DRAFT" });
  const interviewId = interview.id;
  const [row] = await d.insert(reports).values({ id: newId("report"), organizationId: ctx.organizationId, interviewId, ...values }).returning();
  return row!;
}

const readyValues = {
  status: "READY" as const,
  summary: "Structured answers; experience not covered.",
  strengths: ["Methodical"],
  concerns: ["No concrete project"],
  recommendation: "NO_DECISION" as const,
  overallScore: 75,
  scorecard: SCORECARD,
  droppedQuotes: 1,
  model: "gpt-4o",
  promptVersion: "report-v3",
  configVersion: 1,
  generatedAt: new Date("2026-11-28T10:00:00Z"),
};

securityBattery({
  handler: GET,
  scope: "interviews:read",
  db,
  path: (id) => `/api/v1/reports/${id}`,
  params: (reportId) => ({ reportId }),
  create: async (d, ctx) => (await insertReport(d, ctx)).id,
});

describe("GET /api/v1/reports/:reportId", () => {
  const read = async (reportId: string, ctx: Ctx) => {
    const { authorization } = await createTestKey(db.get().db, ctx, ["interviews:read"]);
    return call(GET, { path: `/api/v1/reports/${reportId}`, params: { reportId }, headers: { authorization } });
  };

  it("returns a READY report with its scorecard and evidence", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const report = await insertReport(db.get().db, ctx, readyValues);
    const res = await read(report.id, ctx);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      id: report.id,
      interviewId: report.interviewId,
      version: 1,
      status: "READY",
      summary: readyValues.summary,
      strengths: ["Methodical"],
      concerns: ["No concrete project"],
      recommendation: "NO_DECISION",
      overallScore: 75,
      scorecard: SCORECARD,
      droppedQuotes: 1,
      model: "gpt-4o",
      promptVersion: "report-v3",
      configVersion: 1,
      failureReason: null,
      generatedAt: "2026-11-28T10:00:00.000Z",
      createdAt: report.createdAt.toISOString(),
      updatedAt: report.updatedAt.toISOString(),
      decision: null,
    });
  });

  it("returns a PENDING report with null for everything not yet known", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const report = await insertReport(db.get().db, ctx);
    const res = await read(report.id, ctx);
    expect(res.json).toMatchObject({ status: "PENDING", summary: null, strengths: null, concerns: null, recommendation: null, overallScore: null, scorecard: null, model: null, generatedAt: null, failureReason: null, droppedQuotes: 0 });
    expect(Object.keys(res.json)).toHaveLength(19);
    expect(res.json.decision).toBeNull();
  });

  it("shows why a FAILED report failed", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const report = await insertReport(db.get().db, ctx, { status: "FAILED", failureReason: "Model timed out three times." });
    expect((await read(report.id, ctx)).json).toMatchObject({ status: "FAILED", failureReason: "Model timed out three times.", scorecard: null });
  });
});

describe("evaluationFromReport", () => {
  it("gives the scores of a READY report", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const report = await insertReport(db.get().db, ctx, readyValues);
    expect(evaluationFromReport(report)).toEqual({
      overallScore: 75,
      recommendation: "NO_DECISION",
      criteria: [
        { key: "communication", label: "Clarity of communication", weight: 1, score: 4 },
        { key: "experience", label: "Relevant experience", weight: 2, score: null },
      ],
    });
  });

  it("is null without a report and for every state before READY or after a failure", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    expect(evaluationFromReport(null)).toBeNull();
    for (const status of ["PENDING", "GENERATING", "FAILED"] as const) {
      const report = await insertReport(db.get().db, ctx, { ...readyValues, status });
      expect(evaluationFromReport(report), status).toBeNull();
    }
  });
});
