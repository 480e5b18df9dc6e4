import { sql, type SQL } from "drizzle-orm";
import { interviews, type InterviewStatus } from "@/db/interviews";

const NOT_STARTED: InterviewStatus[] = ["DRAFT", "INVITED"];

/**
 * An interview not started by its expiry is EXPIRED at once, in every read, whether or not the
 * periodic sweep has persisted it yet.
 */
export function effectiveStatus(row: { status: InterviewStatus; expiresAt: Date }, now = new Date()): InterviewStatus {
  return NOT_STARTED.includes(row.status) && row.expiresAt <= now ? "EXPIRED" : row.status;
}

/** The same rule in SQL, for filters and counts. */
export const effectiveStatusSql: SQL<InterviewStatus> = sql<InterviewStatus>`(case when ${interviews.status} in ('DRAFT', 'INVITED') and ${interviews.expiresAt} <= now() then 'EXPIRED'::interview_status else ${interviews.status} end)`;

/** Statuses from which nothing more can happen to an interview. */
export const isFinal = (status: InterviewStatus) => status === "COMPLETED" || status === "CANCELLED" || status === "EXPIRED";
