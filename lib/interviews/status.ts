import { and, eq, lte, sql, type SQL } from "drizzle-orm";
import { interviews, type InterviewStatus } from "@/db/interviews";

const NOT_STARTED: InterviewStatus[] = ["DRAFT", "INVITED"];

/**
 * An interview not started by its expiry is EXPIRED at once, in every read, whether or not the
 * periodic sweep has persisted it yet.
 */
export function effectiveStatus(row: { status: InterviewStatus; expiresAt: Date }, now = new Date()): InterviewStatus {
  return NOT_STARTED.includes(row.status) && row.expiresAt <= now ? "EXPIRED" : row.status;
}

/** The same rule in SQL, for reading a row's status (filters use effectiveStatusRanges). */
export const effectiveStatusSql: SQL<InterviewStatus> = sql<InterviewStatus>`(case when ${interviews.status} in ('DRAFT', 'INVITED') and ${interviews.expiresAt} <= now() then 'EXPIRED'::interview_status else ${interviews.status} end)`;

/**
 * The rows whose effective status is `status`, as conditions on the stored status an index
 * can serve (a CASE over the row, as in effectiveStatusSql, can use none): one condition per
 * stored status, disjoint, each a range of interviews_org_status_created_idx, which carries
 * expires_at for the DRAFT and INVITED ones.
 */
export function effectiveStatusRanges(status: InterviewStatus): SQL[] {
  const lapsed = lte(interviews.expiresAt, sql`now()`);
  if (status === "EXPIRED") return [eq(interviews.status, "EXPIRED"), ...NOT_STARTED.map((s) => and(eq(interviews.status, s), lapsed)!)];
  if (NOT_STARTED.includes(status)) return [and(eq(interviews.status, status), notLapsed)!];
  return [eq(interviews.status, status)];
}

/**
 * Not yet past expiry, written so that no index takes it as a range. As `expires_at > now()`
 * the planner multiplies the status's share by the unexpired share as if they were unrelated
 * (they are not: the open invitations are the recent ones), expects a handful of rows, and
 * reads every one of the status's rows through interviews_org_pending_expiry_idx to sort
 * them (17 expected, 1,533 read at 200,000 interviews). As a filter on the ordered index it
 * is checked from the index entry, newest first, and the scan stops with the page.
 */
const notLapsed = sql`(${interviews.expiresAt} - now()) > interval '0'`;

/** Statuses from which nothing more can happen to an interview. */
export const isFinal = (status: InterviewStatus) => status === "COMPLETED" || status === "CANCELLED" || status === "EXPIRED";
