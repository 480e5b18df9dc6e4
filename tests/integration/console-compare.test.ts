import { describe, expect, it } from "vitest";
import { interviewDecisions } from "@/db/interview-decisions";
import type { ReportStatus, Scorecard } from "@/db/reports";
import { COMPARE_LIMIT, compareInterviews, compareParams } from "@/lib/console/compare";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertCampaign, insertCandidate, insertCurrentReport, insertInterview, insertJob } from "../helpers/interview-fixtures";

const db = setupTestDatabase();
const d = () => db.get().db;

const criterion = (key: string, score: number | null) => ({ key, label: key[0]!.toUpperCase() + key.slice(1), weight: 1, score, rationale: "r", evidence: [] });

/** An interview of the job (and campaign) in `status`, with a current report in `reportStatus` when given. */
async function interview(
  d: Db,
  ctx: Ctx,
  ref: { jobId: string; campaignId?: string },
  opts: { name: string; status?: "COMPLETED" | "IN_PROGRESS"; score?: number | null; reportStatus?: ReportStatus | "none"; scorecard?: Scorecard },
) {
  const status = opts.status ?? "COMPLETED";
  const candidateId = await insertCandidate(d, ctx, { firstName: opts.name, lastName: "Test", email: `${opts.name.toLowerCase()}@example.com` });
  const { interview } = await insertInterview(d, ctx, { candidateId, jobId: ref.jobId }, {
    campaignId: ref.campaignId ?? null,
    status,
    invitedAt: new Date(Date.now() - 86_400_000),
    startedAt: new Date(Date.now() - 3_600_000),
    endedAt: status === "COMPLETED" ? new Date() : null,
  });
  if (opts.reportStatus === "none") return interview.id;
  const reportStatus = opts.reportStatus ?? "READY";
  await insertCurrentReport(d, ctx, interview.id, {
    status: reportStatus,
    ...(reportStatus === "READY"
      ? { overallScore: opts.score ?? null, recommendation: "YES" as const, scorecard: opts.scorecard ?? { criteria: [criterion("communication", 4), criterion("experience", 3)] }, generatedAt: new Date() }
      : {}),
  });
  return interview.id;
}

const compare = (ctx: Ctx, query: Record<string, string>) => compareInterviews(d(), ctx, compareParams.parse(query));

describe("console compare", () => {
  it("puts the job's completed interviews with a READY report side by side, criterion by criterion, best score first", async () => {
    const { ctx } = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx, "Backend");
    const otherJob = await insertJob(d(), ctx, "Other");
    const ada = await interview(d(), ctx, { jobId }, { name: "Ada", score: 72, scorecard: { criteria: [criterion("communication", 4), criterion("experience", 3)] } });
    const bob = await interview(d(), ctx, { jobId }, { name: "Bob", score: 85, scorecard: { criteria: [criterion("communication", 5), criterion("experience", null), criterion("leadership", 4)] } });
    const cy = await interview(d(), ctx, { jobId }, { name: "Cy", score: null });
    // Not compared: no report, a failed one, still in progress, another job.
    await interview(d(), ctx, { jobId }, { name: "Noreport", reportStatus: "none" });
    await interview(d(), ctx, { jobId }, { name: "Failed", reportStatus: "FAILED" });
    await interview(d(), ctx, { jobId }, { name: "Running", status: "IN_PROGRESS", reportStatus: "none" });
    await interview(d(), ctx, { jobId: otherJob }, { name: "Elsewhere", score: 99 });
    await d().insert(interviewDecisions).values({ id: newId("decision"), organizationId: ctx.organizationId, interviewId: ada, outcome: "ADVANCE", agreesWithRecommendation: true, recommendation: "YES", actorType: "system", actorId: "test" });

    const result = await compare(ctx, { job: jobId });
    if (!result.found) throw new Error("expected the job");
    expect(result.scope).toEqual({ kind: "job", id: jobId, label: "Backend" });
    expect(result.total).toBe(3);
    expect(result.candidates.map((c) => c.interviewId)).toEqual([bob, ada, cy]); // a missing score last
    expect(result.criteria).toEqual([
      { key: "communication", label: "Communication" },
      { key: "experience", label: "Experience" },
      { key: "leadership", label: "Leadership" },
    ]);
    const [b, a] = result.candidates;
    expect(b).toMatchObject({ name: "Bob Test", email: "bob@example.com", overallScore: 85, recommendation: "YES", scores: { communication: 5, experience: null, leadership: 4 }, decision: null });
    expect(a!.scores).toEqual({ communication: 4, experience: 3 });
    expect(a!.decision).toMatchObject({ outcome: "ADVANCE", agreesWithRecommendation: true });

    const ascending = await compare(ctx, { job: jobId, sort: "asc" });
    expect(ascending.found && ascending.candidates.map((c) => c.interviewId)).toEqual([ada, bob, cy]);
  });

  it("compares a campaign's interviews, and says how many there are beyond the limit", async () => {
    const { ctx } = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx);
    const { campaignId } = await insertCampaign(d(), ctx, jobId);
    await interview(d(), ctx, { jobId }, { name: "Outside", score: 100 }); // same job, not in the campaign
    for (let i = 0; i < COMPARE_LIMIT + 2; i++) await interview(d(), ctx, { jobId, campaignId }, { name: `C${i}`, score: i });

    const result = await compare(ctx, { campaign: campaignId });
    if (!result.found) throw new Error("expected the campaign");
    expect(result.scope).toMatchObject({ kind: "campaign", id: campaignId, label: "Winter hiring" });
    expect(result.total).toBe(COMPARE_LIMIT + 2);
    expect(result.candidates).toHaveLength(COMPARE_LIMIT);
    expect(result.candidates[0]).toMatchObject({ name: `C${COMPARE_LIMIT + 1} Test`, overallScore: COMPARE_LIMIT + 1 });
    expect(result.candidates.some((c) => c.name === "Outside Test")).toBe(false);
  });

  it("finds nothing for another organisation's job or campaign, a malformed id, or no choice at all", async () => {
    const theirs = (await createTestOrg(d(), "Theirs")).ctx;
    const theirJob = await insertJob(d(), theirs);
    const { campaignId: theirCampaign } = await insertCampaign(d(), theirs, theirJob);
    await interview(d(), theirs, { jobId: theirJob, campaignId: theirCampaign }, { name: "Secret", score: 90 });
    const { ctx } = await createTestOrg(d());

    expect(await compare(ctx, { job: theirJob })).toEqual({ found: false, asked: { kind: "job", id: theirJob } });
    expect(await compare(ctx, { campaign: theirCampaign })).toEqual({ found: false, asked: { kind: "campaign", id: theirCampaign } });
    expect(await compare(ctx, { job: "job_'; drop table jobs; --" })).toMatchObject({ found: false });
    expect(await compare(ctx, { campaign: theirJob })).toMatchObject({ found: false }); // a job id is no campaign id
    expect(await compare(ctx, {})).toEqual({ found: false, asked: null });
    // The owner sees it.
    expect(await compare(theirs, { job: theirJob })).toMatchObject({ found: true, total: 1 });
  });
});
