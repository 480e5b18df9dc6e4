import { and, asc, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import { decisionOutcome, interviewDecisions, type DecisionOutcome } from "@/db/interview-decisions";
import { interviews, type InterviewStatus } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import { rowsOf, type Db } from "@/lib/db/types";
import { isTimeZone } from "@/lib/i18n/locales";
import { countInterviewsByStatus } from "@/lib/interviews/stats";

// The dashboard's figures, each an aggregate over the organisation's rows read from an index
// made for it (db/interviews.ts, db/reports.ts) or from the trigger-kept counts; no row is
// brought into JavaScript. `npm run bench:console` measures it with 200,000 interviews.

export const DASHBOARD_WEEKS = 12;
export const DASHBOARD_JOBS = 20;

export type StatusCounts = Record<InterviewStatus, number>;
/** Invited: interviews that were ever invited (invitedAt set), whatever became of them; completed: those of them now COMPLETED. */
export type Completion = { invited: number; completed: number; rate: number | null };
/** `week` is the Monday the week starts on (YYYY-MM-DD), in `timeZone`. */
export type WeekCount = { week: string; started: number };
export type JobScore = { jobId: string; title: string; averageScore: number; reports: number };
export type DecisionAgreement = { outcome: DecisionOutcome; agree: number; depart: number };
export type DecisionStats = { agree: number; depart: number; byOutcome: DecisionAgreement[] };

export type Dashboard = {
  statuses: StatusCounts;
  completion: Completion;
  weeks: { timeZone: string; rows: WeekCount[] };
  scoresByJob: JobScore[];
  decisions: DecisionStats;
};

export async function getDashboard(db: Db, ctx: Ctx, opts: { timeZone?: string } = {}): Promise<Dashboard> {
  const [{ statuses, completion }, weeks, scoresByJob, decisions] = await Promise.all([
    statusesAndCompletion(db, ctx),
    startedPerWeek(db, ctx, opts.timeZone),
    averageScoreByJob(db, ctx),
    decisionsAgainstRecommendations(db, ctx),
  ]);
  return { statuses, completion, weeks, scoresByJob, decisions };
}

/**
 * Interviews by effective status (an invitation past its expiry is EXPIRED, as everywhere) and
 * the completion rate. The statuses are the trigger-kept counts (lib/interviews/stats.ts); the
 * invitations are counted in interviews_org_invited_status_idx alone. A COMPLETED interview is
 * never re-read as expired, so the two agree without a shared snapshot mattering.
 */
export async function statusesAndCompletion(db: Db, ctx: Ctx): Promise<{ statuses: StatusCounts; completion: Completion }> {
  const completedSql = sql<boolean>`${interviews.status} = 'COMPLETED'`;
  const [statuses, invitedRows] = await Promise.all([
    countInterviewsByStatus(db, ctx),
    db
      .select({ completed: completedSql, n: count() })
      .from(interviews)
      .where(and(inOrg(interviews, ctx), isNotNull(interviews.invitedAt)))
      .groupBy(completedSql),
  ]);
  const invited = invitedRows.reduce((sum, r) => sum + r.n, 0);
  const completed = invitedRows.find((r) => r.completed)?.n ?? 0;
  return { statuses, completion: { invited, completed, rate: invited ? completed / invited : null } };
}

/**
 * Interviews started in each of the last 12 weeks (Monday to Sunday, in the user's time zone, the
 * current week last), weeks without any included as 0. An unknown zone counts in UTC.
 */
export async function startedPerWeek(db: Db, ctx: Ctx, timeZone = "UTC"): Promise<{ timeZone: string; rows: WeekCount[] }> {
  const zone = isTimeZone(timeZone) ? timeZone : "UTC";
  try {
    return { timeZone: zone, rows: await weeksIn(db, ctx, zone) };
  } catch (err) {
    // A zone the browser knows but this database's time zone data does not.
    if (zone === "UTC") throw err;
    return { timeZone: "UTC", rows: await weeksIn(db, ctx, "UTC") };
  }
}

async function weeksIn(db: Db, ctx: Ctx, zone: string): Promise<WeekCount[]> {
  const thisWeek = sql`date_trunc('week', now() at time zone ${zone})`;
  const first = sql`(${thisWeek} - interval '${sql.raw(String(DASHBOARD_WEEKS - 1))} weeks')`;
  const result = await db.execute(sql`
    select to_char(w.week, 'YYYY-MM-DD') as week, coalesce(c.n, 0)::int as started
    from generate_series(${first}, ${thisWeek}, interval '1 week') as w(week)
    left join (
      select date_trunc('week', ${interviews.startedAt} at time zone ${zone}) as week, count(*) as n
      from ${interviews}
      where ${interviews.organizationId} = ${ctx.organizationId}
        and ${interviews.startedAt} >= (${first} at time zone ${zone})
      group by 1
    ) as c on c.week = w.week
    order by w.week`);
  return rowsOf<{ week: string; started: number | string }>(result).map((r) => ({ week: r.week, started: Number(r.started) }));
}

/**
 * The mean overall score of each job's current READY reports (the interview's own report, not
 * older versions), the best first, at most 20 jobs.
 */
export async function averageScoreByJob(db: Db, ctx: Ctx): Promise<JobScore[]> {
  // interviews.overall_score is the current READY report's score (kept by triggers), so this
  // is one aggregate over interviews_org_job_score_idx alone, then the twenty best jobs' titles.
  const byJob = db
    .select({ jobId: interviews.jobId, averageScore: sql<number>`avg(${interviews.overallScore})::float8`.as("average_score"), reports: count().as("reports") })
    .from(interviews)
    .where(and(inOrg(interviews, ctx), isNotNull(interviews.overallScore)))
    .groupBy(interviews.jobId)
    .as("by_job");
  const rows = await db
    .select({ jobId: byJob.jobId, title: jobs.title, averageScore: byJob.averageScore, reports: byJob.reports })
    .from(byJob)
    .innerJoin(jobs, and(eq(jobs.id, byJob.jobId), inOrg(jobs, ctx)))
    .orderBy(desc(byJob.averageScore), asc(jobs.title))
    .limit(DASHBOARD_JOBS);
  return rows.map((r) => ({ ...r, averageScore: Number(r.averageScore), reports: Number(r.reports) }));
}

/**
 * How the current (newest) human decision of each interview compares with the AI: agreeing or
 * departing, overall and for each outcome.
 */
export async function decisionsAgainstRecommendations(db: Db, ctx: Ctx): Promise<DecisionStats> {
  const current = db
    .selectDistinctOn([interviewDecisions.interviewId], { outcome: interviewDecisions.outcome, agrees: interviewDecisions.agreesWithRecommendation })
    .from(interviewDecisions)
    .where(inOrg(interviewDecisions, ctx))
    .orderBy(interviewDecisions.interviewId, desc(interviewDecisions.createdAt), desc(interviewDecisions.id))
    .as("current");
  const rows = await db.select({ outcome: current.outcome, agrees: current.agrees, n: count() }).from(current).groupBy(current.outcome, current.agrees);
  const byOutcome = decisionOutcome.enumValues.map((outcome) => ({ outcome, agree: 0, depart: 0 }));
  for (const r of rows) {
    const slot = byOutcome.find((o) => o.outcome === r.outcome)!;
    if (r.agrees) slot.agree += r.n;
    else slot.depart += r.n;
  }
  return { agree: byOutcome.reduce((s, o) => s + o.agree, 0), depart: byOutcome.reduce((s, o) => s + o.depart, 0), byOutcome };
}
