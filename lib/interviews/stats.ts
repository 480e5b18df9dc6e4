import { and, inArray, lte, sql } from "drizzle-orm";
import { interviewStatusCounts } from "@/db/interview-status-counts";
import { interviewStatus, interviews, type InterviewStatus } from "@/db/interviews";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import { rowsOf, type Db } from "../db/types";

/**
 * How many of the organisation's interviews are in each status (zero included), by effective
 * status: an invitation past its expiry counts as EXPIRED before the sweep persists it.
 *
 * Never counts the interviews themselves: the stored statuses come from
 * interview_status_counts (kept by triggers in each change's transaction), and the only
 * correction, not-started interviews already past expiry, is a range of
 * interviews_org_pending_expiry_idx that the minutely sweep keeps short. One statement, so
 * both parts are read from the same snapshot.
 */
export async function countInterviewsByStatus(db: Db, ctx: Ctx): Promise<Record<InterviewStatus, number>> {
  const stored = db
    .select({ status: interviewStatusCounts.status, n: sql<number>`sum(${interviewStatusCounts.n})::int`.as("n"), overdue: sql<boolean>`false`.as("overdue") })
    .from(interviewStatusCounts)
    .where(inOrg(interviewStatusCounts, ctx))
    .groupBy(interviewStatusCounts.status);
  const overdue = db
    .select({ status: interviews.status, n: sql<number>`count(*)::int`.as("n"), overdue: sql<boolean>`true`.as("overdue") })
    .from(interviews)
    .where(and(inOrg(interviews, ctx), inArray(interviews.status, ["DRAFT", "INVITED"]), lte(interviews.expiresAt, sql`now()`)))
    .groupBy(interviews.status);
  const out = Object.fromEntries(interviewStatus.enumValues.map((s) => [s, 0])) as Record<InterviewStatus, number>;
  for (const r of await stored.unionAll(overdue)) {
    if (!r.overdue) out[r.status] += r.n;
    else {
      out[r.status] -= r.n;
      out.EXPIRED += r.n;
    }
  }
  return out;
}

/**
 * Merges each organisation's and status's rows of interview_status_counts into one (a
 * periodic task), so reading a count stays a few rows. One statement: the rows it deletes and
 * the sum it inserts commit together, and a concurrent fold skips what this one deleted.
 * Returns how many rows it merged.
 */
export async function foldInterviewStatusCounts(db: Db): Promise<number> {
  const result = await db.execute(sql`
    with folded as (
      delete from ${interviewStatusCounts} c
      where (c.organization_id, c.status) in (
        select organization_id, status from ${interviewStatusCounts} group by organization_id, status having count(*) > 1)
      returning c.organization_id, c.status, c.n
    ), merged as (
      insert into ${interviewStatusCounts} (organization_id, status, n)
      select organization_id, status, sum(n) from folded group by organization_id, status having sum(n) <> 0
    )
    select count(*)::int as n from folded`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
