import { describe, expect, it } from "vitest";
import { interviewDecisions, type DecisionOutcome } from "@/db/interview-decisions";
import { reports, type ReportStatus } from "@/db/reports";
import { DASHBOARD_WEEKS, getDashboard, startedPerWeek } from "@/lib/console/dashboard";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { insertCandidate, insertCurrentReport, insertInterview, insertJob } from "../helpers/interview-fixtures";

const db = setupTestDatabase();
const d = () => db.get().db;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A COMPLETED interview of the job; with `score`, a READY current report with that overall score. */
async function completed(d: Db, ctx: Ctx, jobId: string, opts: { score?: number; reportStatus?: ReportStatus; startedAt?: Date } = {}) {
  const startedAt = opts.startedAt ?? new Date(Date.now() - HOUR);
  const { interview } = await insertInterview(d, ctx, { candidateId: await insertCandidate(d, ctx), jobId }, { status: "COMPLETED", invitedAt: new Date(startedAt.getTime() - DAY), startedAt, endedAt: new Date(startedAt.getTime() + 900_000) });
  if (opts.score === undefined && !opts.reportStatus) return interview.id;
  const status = opts.reportStatus ?? "READY";
  await insertCurrentReport(d, ctx, interview.id, { version: 2, status, overallScore: opts.score ?? null, ...(status === "READY" ? { recommendation: "YES" as const, generatedAt: new Date() } : {}) });
  return interview.id;
}

async function decide(d: Db, ctx: Ctx, interviewId: string, outcome: DecisionOutcome, agrees: boolean, at: Date) {
  await d.insert(interviewDecisions).values({ id: newId("decision"), organizationId: ctx.organizationId, interviewId, outcome, agreesWithRecommendation: agrees, reason: agrees ? null : "Because.", recommendation: "YES", actorType: "system", actorId: "test", createdAt: at });
}

/** The Monday (YYYY-MM-DD) of the week holding `at`, in `zone`: what the dashboard labels the week. */
function mondayIn(at: Date, zone: string): string {
  const local = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  const day = new Date(`${local}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

describe("console dashboard", () => {
  it("an organisation without interviews gets zeros, twelve empty weeks and no rate (not a division by zero)", async () => {
    const { ctx } = await createTestOrg(d());
    const dash = await getDashboard(d(), ctx);
    expect(dash.statuses).toEqual({ DRAFT: 0, INVITED: 0, IN_PROGRESS: 0, COMPLETED: 0, CANCELLED: 0, EXPIRED: 0 });
    expect(dash.completion).toEqual({ invited: 0, completed: 0, rate: null });
    expect(dash.weeks.rows).toHaveLength(DASHBOARD_WEEKS);
    expect(dash.weeks.rows.every((w) => w.started === 0)).toBe(true);
    expect(dash.weeks.rows.at(-1)!.week).toBe(mondayIn(new Date(), "UTC"));
    expect(dash.scoresByJob).toEqual([]);
    expect(dash.decisions).toEqual({ agree: 0, depart: 0, byOutcome: [{ outcome: "ADVANCE", agree: 0, depart: 0 }, { outcome: "REJECT", agree: 0, depart: 0 }, { outcome: "HOLD", agree: 0, depart: 0 }] });
  });

  it("counts by effective status and rates completion as completed ÷ ever invited, seeing nothing of another organisation", async () => {
    // Another organisation's interviews, reports and decisions must not show.
    const other = (await createTestOrg(d(), "Other")).ctx;
    const otherJob = await insertJob(d(), other, "Other job");
    const otherId = await completed(d(), other, otherJob, { score: 99 });
    await decide(d(), other, otherId, "HOLD", false, new Date());

    const { ctx } = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx);
    const ref = { candidateId: await insertCandidate(d(), ctx), jobId };
    const now = Date.now();
    await insertInterview(d(), ctx, ref, { status: "DRAFT" }); // never invited
    await insertInterview(d(), ctx, ref, { status: "INVITED", invitedAt: new Date(now - DAY) });
    await insertInterview(d(), ctx, ref, { status: "INVITED", invitedAt: new Date(now - 9 * DAY), expiresAt: new Date(now - DAY) }); // lapsed: EXPIRED
    await insertInterview(d(), ctx, ref, { status: "IN_PROGRESS", invitedAt: new Date(now - DAY), startedAt: new Date(now - 60_000) });
    await insertInterview(d(), ctx, ref, { status: "CANCELLED", invitedAt: new Date(now - DAY), cancelledAt: new Date(now - HOUR) });
    await completed(d(), ctx, jobId);
    await completed(d(), ctx, jobId, { startedAt: new Date(now - 7 * DAY) });
    await completed(d(), ctx, jobId, { startedAt: new Date(now - 20 * 7 * DAY) }); // outside the 12 weeks

    const dash = await getDashboard(d(), ctx);
    expect(dash.statuses).toEqual({ DRAFT: 1, INVITED: 1, IN_PROGRESS: 1, COMPLETED: 3, CANCELLED: 1, EXPIRED: 1 });
    expect(dash.completion).toEqual({ invited: 7, completed: 3, rate: 3 / 7 });
    const weeks = dash.weeks.rows;
    expect(weeks).toHaveLength(DASHBOARD_WEEKS);
    expect(weeks.at(-1)).toEqual({ week: mondayIn(new Date(now), "UTC"), started: 2 });
    expect(weeks.at(-2)).toEqual({ week: mondayIn(new Date(now - 7 * DAY), "UTC"), started: 1 });
    expect(weeks.reduce((s, w) => s + w.started, 0)).toBe(3);
    // Consecutive Mondays, oldest first.
    for (let i = 1; i < weeks.length; i++) expect(Date.parse(weeks[i]!.week) - Date.parse(weeks[i - 1]!.week)).toBe(7 * DAY);
    expect(dash.scoresByJob).toEqual([]);
    expect(dash.decisions.agree + dash.decisions.depart).toBe(0);
  });

  it("counts weeks in the user's time zone; an unknown zone counts in UTC", async () => {
    const { ctx } = await createTestOrg(d());
    // The latest Sunday 15:30 UTC at least an hour ago: Monday 00:30 in Tokyo, so another week there.
    const at = new Date();
    at.setUTCHours(15, 30, 0, 0);
    while (at.getUTCDay() !== 0 || at.getTime() > Date.now() - HOUR) at.setUTCDate(at.getUTCDate() - 1);
    await completed(d(), ctx, await insertJob(d(), ctx), { startedAt: at });

    const utc = await startedPerWeek(d(), ctx, "UTC");
    const tokyo = await startedPerWeek(d(), ctx, "Asia/Tokyo");
    expect(mondayIn(at, "UTC")).not.toBe(mondayIn(at, "Asia/Tokyo"));
    expect(utc.rows.filter((w) => w.started)).toEqual([{ week: mondayIn(at, "UTC"), started: 1 }]);
    expect(tokyo).toMatchObject({ timeZone: "Asia/Tokyo" });
    expect(tokyo.rows.filter((w) => w.started)).toEqual([{ week: mondayIn(at, "Asia/Tokyo"), started: 1 }]);
    expect(tokyo.rows.at(-1)!.week).toBe(mondayIn(new Date(), "Asia/Tokyo"));
    expect(await startedPerWeek(d(), ctx, "Mars/Olympus_Mons")).toEqual(utc);
  });

  it("averages each job's current READY reports only, best job first", async () => {
    const { ctx } = await createTestOrg(d());
    const good = await insertJob(d(), ctx, "Good job");
    const fair = await insertJob(d(), ctx, "Fair job");
    await insertJob(d(), ctx, "Job without reports");
    const first = await completed(d(), ctx, good, { score: 60 });
    await completed(d(), ctx, good, { score: 80 });
    // An older version, no longer the interview's current report.
    await d().insert(reports).values({ id: newId("report"), organizationId: ctx.organizationId, interviewId: first, version: 1, status: "READY", overallScore: 10 });
    await completed(d(), ctx, fair, { score: 50 });
    await completed(d(), ctx, fair, { reportStatus: "FAILED" });
    await completed(d(), ctx, fair); // no report yet

    const { scoresByJob } = await getDashboard(d(), ctx);
    expect(scoresByJob).toEqual([
      { jobId: good, title: "Good job", averageScore: 70, reports: 2 },
      { jobId: fair, title: "Fair job", averageScore: 50, reports: 1 },
    ]);
  });

  it("compares each interview's current decision with the AI: agreeing or departing, per outcome", async () => {
    const { ctx } = await createTestOrg(d());
    const jobId = await insertJob(d(), ctx);
    const [x, y, z] = [await completed(d(), ctx, jobId, { score: 70 }), await completed(d(), ctx, jobId, { score: 40 }), await completed(d(), ctx, jobId, { score: 55 })];
    const now = Date.now();
    await decide(d(), ctx, x, "REJECT", true, new Date(now - HOUR)); // replaced by the next one
    await decide(d(), ctx, x, "ADVANCE", false, new Date(now - 60_000));
    await decide(d(), ctx, y, "REJECT", true, new Date(now - HOUR));
    await decide(d(), ctx, z, "HOLD", false, new Date(now - HOUR));

    const { decisions } = await getDashboard(d(), ctx);
    expect(decisions).toEqual({
      agree: 1,
      depart: 2,
      byOutcome: [
        { outcome: "ADVANCE", agree: 0, depart: 1 },
        { outcome: "REJECT", agree: 1, depart: 0 },
        { outcome: "HOLD", agree: 0, depart: 1 },
      ],
    });
  });
});
