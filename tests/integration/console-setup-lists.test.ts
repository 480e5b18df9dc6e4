import { describe, expect, it } from "vitest";
import { CANDIDATE_PAGE_SIZE, getCandidateView, listConsoleCandidates } from "@/lib/console/candidate-list";
import { getConsoleJob, listConsoleJobs } from "@/lib/console/job-list";
import { recordDecision } from "@/lib/decisions/record";
import { updateJob } from "@/lib/jobs/update";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertCandidate, insertCurrentReport, insertInterview, insertJob } from "../helpers/interview-fixtures";

const db = setupTestDatabase();
const d = () => db.get().db;
const jobs = (ctx: Parameters<typeof listConsoleJobs>[1], p: Partial<Parameters<typeof listConsoleJobs>[2]> = {}) => listConsoleJobs(d(), ctx, { archived: "active", page: 1, ...p });

describe("console jobs list and page", () => {
  it("searches titles, separates active from archived jobs, counts each job's interviews, never another organisation's", async () => {
    const { ctx } = await createTestOrg(d());
    const { ctx: other } = await createTestOrg(d());
    const backend = await insertJob(d(), ctx, "Backend Engineer");
    const sales = await insertJob(d(), ctx, "Account Executive");
    const old = await insertJob(d(), ctx, "Backend Intern (100%_remote)");
    await insertJob(d(), other, "Backend Engineer elsewhere");
    const candidateId = await insertCandidate(d(), ctx);
    await insertInterview(d(), ctx, { candidateId, jobId: backend });
    await insertInterview(d(), ctx, { candidateId, jobId: old });
    await updateJob(d(), ctx, old, { archived: true });

    const active = await jobs(ctx);
    expect(active.rows.map((r) => [r.title, r.interviews])).toEqual([["Account Executive", 0], ["Backend Engineer", 1]]);
    expect(active).toMatchObject({ total: 2, totalExact: true });
    expect((await jobs(ctx, { q: "BACKEND" })).rows.map((r) => r.id)).toEqual([backend]);
    expect((await jobs(ctx, { archived: "archived" })).rows.map((r) => [r.id, r.interviews])).toEqual([[old, 1]]);
    // What the user types is text, not a pattern.
    expect((await jobs(ctx, { archived: "archived", q: "%_r" })).rows.map((r) => r.id)).toEqual([old]);
    expect((await jobs(ctx, { q: "%" })).rows).toEqual([]);
    expect(await getConsoleJob(d(), ctx, old)).toMatchObject({ id: old, interviews: 1, archivedAt: expect.stringMatching(/Z$/) });
    expect(sales).toMatch(/^job_/);
  });

  it("another organisation's or a malformed job id is not found", async () => {
    const { ctx } = await createTestOrg(d());
    const { ctx: other } = await createTestOrg(d());
    const theirs = await insertJob(d(), other, "Theirs");
    await expect(getConsoleJob(d(), ctx, theirs)).rejects.toMatchObject({ code: "not_found" });
    await expect(getConsoleJob(d(), ctx, "job_x")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("console candidates list and page", () => {
  it("searches by name or e-mail case-insensitively, pages newest first", async () => {
    const { ctx } = await createTestOrg(d());
    const { ctx: other } = await createTestOrg(d());
    const grace = await insertCandidate(d(), ctx, { firstName: "Grace", lastName: "Hopper", email: "grace@navy.example" });
    const alan = await insertCandidate(d(), ctx, { firstName: "Alan", lastName: "Turing", email: "alan@bletchley.example" });
    await insertCandidate(d(), other, { firstName: "Grace", lastName: "Elsewhere", email: "grace@other.example" });
    const list = (q?: string, page = 1) => listConsoleCandidates(d(), ctx, { q, page });

    expect((await list("grace hop")).rows.map((r) => r.id)).toEqual([grace]);
    expect((await list("BLETCHLEY")).rows.map((r) => r.id)).toEqual([alan]);
    expect((await list()).rows.map((r) => r.id)).toEqual([alan, grace]);
    for (let i = 0; i < CANDIDATE_PAGE_SIZE; i++) await insertCandidate(d(), ctx, { firstName: "Extra", lastName: String(i), email: `x${i}@example.com` });
    const second = await list(undefined, 2);
    expect(second).toMatchObject({ total: CANDIDATE_PAGE_SIZE + 2, totalExact: true });
    expect(second.rows.map((r) => r.id)).toEqual([alan, grace]);
  });

  it("a candidate's page lists every interview with its status, score and decision, newest first", async () => {
    const { ctx } = await createTestOrg(d());
    const candidateId = await insertCandidate(d(), ctx, { firstName: "Grace", lastName: "Hopper" });
    const jobId = await insertJob(d(), ctx, "Compiler Engineer");
    const { interview: first } = await insertInterview(d(), ctx, { candidateId, jobId }, { status: "COMPLETED", createdAt: new Date(Date.now() - 60_000), endedAt: new Date() });
    await insertCurrentReport(d(), ctx, first.id, { status: "READY", overallScore: 82, recommendation: "YES" });
    await recordDecision(d(), { ...ctx, actor: { type: "user", id: "usr_test", role: "owner" } }, first.id, { outcome: "ADVANCE", agreesWithRecommendation: true, reason: null });
    const { interview: second } = await insertInterview(d(), ctx, { candidateId, jobId });
    await insertInterview(d(), ctx, { candidateId: await insertCandidate(d(), ctx), jobId });

    const view = await getCandidateView(d(), ctx, candidateId);
    expect(view.candidate).toMatchObject({ id: candidateId, firstName: "Grace" });
    expect(view.interviews.map((i) => [i.id, i.status, i.report?.overallScore ?? null, i.decision?.outcome ?? null])).toEqual([
      [second.id, "INVITED", null, null],
      [first.id, "COMPLETED", 82, "ADVANCE"],
    ]);
  });

  it("another organisation's or a malformed candidate id is not found", async () => {
    const { ctx } = await createTestOrg(d());
    const { ctx: other } = await createTestOrg(d());
    const theirs = await insertCandidate(d(), other);
    await expect(getCandidateView(d(), ctx, theirs)).rejects.toMatchObject({ code: "not_found" });
    await expect(getCandidateView(d(), ctx, "nope")).rejects.toMatchObject({ code: "not_found" });
  });
});
