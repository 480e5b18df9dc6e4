import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import { consoleListParams, listConsoleInterviews } from "@/lib/console/interview-list";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertCandidate, insertCurrentReport, insertInterview, insertJob } from "../helpers/interview-fixtures";

// interviews.overall_score is kept by triggers (migration 0014) from the interview's current
// report; the console's sort by score and the dashboard's averages read it.

const db = setupTestDatabase();
const d = () => db.get().db;

async function completed(d: Db, ctx: Ctx, jobId: string, name: string) {
  const candidateId = await insertCandidate(d, ctx, { firstName: name, email: `${name.toLowerCase()}@example.com` });
  const { interview } = await insertInterview(d, ctx, { candidateId, jobId }, { status: "COMPLETED", startedAt: new Date(Date.now() - 3_600_000), endedAt: new Date() });
  return interview.id;
}

const scoreOf = async (id: string) => (await d().select({ s: interviews.overallScore }).from(interviews).where(eq(interviews.id, id)))[0]!.s;
const setReport = (id: string, values: Partial<typeof reports.$inferInsert>) => d().update(reports).set(values).where(eq(reports.id, id));

describe("an interview's overall score follows its current report", () => {
  it("is set when the report is READY, cleared by a new version until that one is READY, and by a failure", async () => {
    const { ctx } = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx);
    const id = await completed(d(), ctx, jobId, "Ada");
    expect(await scoreOf(id)).toBeNull();

    const first = await insertCurrentReport(d(), ctx, id);
    expect(await scoreOf(id)).toBeNull(); // PENDING
    await setReport(first, { status: "READY", overallScore: 81.5 });
    expect(await scoreOf(id)).toBe(81.5);

    // Regenerated: the new version is current and PENDING; the old score no longer stands.
    const second = await insertCurrentReport(d(), ctx, id, { version: 2 });
    expect(await scoreOf(id)).toBeNull();
    // A change to an older version does not touch the interview.
    await setReport(first, { overallScore: 10 });
    expect(await scoreOf(id)).toBeNull();
    await setReport(second, { status: "READY", overallScore: 64 });
    expect(await scoreOf(id)).toBe(64);
    await setReport(second, { status: "FAILED" });
    expect(await scoreOf(id)).toBeNull();

    // Pointing back at a READY version takes its score at once.
    await d().update(interviews).set({ reportId: first }).where(eq(interviews.id, id));
    expect(await scoreOf(id)).toBe(10);
  });

  it("orders the console's list by score, best first, interviews without one last", async () => {
    const { ctx } = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx);
    const scored = async (name: string, score: number | null) => {
      const id = await completed(d(), ctx, jobId, name);
      if (score !== null) await insertCurrentReport(d(), ctx, id, { status: "READY", overallScore: score });
      return id;
    };
    await scored("Low", 40);
    await scored("None", null);
    await scored("High", 90);
    await scored("Mid", 65);
    const { rows } = await listConsoleInterviews(d(), ctx, consoleListParams.parse({ sort: "score" }));
    expect(rows.map((r) => [r.candidate.firstName, r.report?.overallScore ?? null])).toEqual([
      ["High", 90],
      ["Mid", 65],
      ["Low", 40],
      ["None", null],
    ]);
  });
});
