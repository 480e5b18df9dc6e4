import { count, eq } from "drizzle-orm";
import { interviewStatus, interviews, type InterviewStatus } from "@/db/interviews";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { effectiveStatusSql } from "./status";

/**
 * How many of the organisation's interviews are in each status (zero included), by effective
 * status: an invitation past its expiry counts as EXPIRED before the sweep persists it.
 */
export async function countInterviewsByStatus(db: Db, ctx: Ctx): Promise<Record<InterviewStatus, number>> {
  const rows = await db
    .select({ status: effectiveStatusSql, n: count() })
    .from(interviews)
    .where(eq(interviews.organizationId, ctx.organizationId))
    .groupBy(effectiveStatusSql);
  const out = Object.fromEntries(interviewStatus.enumValues.map((s) => [s, 0])) as Record<InterviewStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}
