import { and, count, desc, eq, gt, type SQL } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import type { InterviewListItem, ListInterviewsQuery } from "@/lib/api/schemas/interviews";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { pageOffset } from "../http/pagination";
import { latestInvitationEmails, selectInterviews, toListItem } from "./read";
import { effectiveStatusSql } from "./status";

function filters(query: ListInterviewsQuery): SQL | undefined {
  return and(
    query.status ? eq(effectiveStatusSql, query.status) : undefined,
    query.jobId ? eq(interviews.jobId, query.jobId) : undefined,
    query.campaignId ? eq(interviews.campaignId, query.campaignId) : undefined,
    query.createdAfter ? gt(interviews.createdAt, query.createdAfter) : undefined,
    query.updatedAfter ? gt(interviews.updatedAt, query.updatedAfter) : undefined,
  );
}

/** A page of the organisation's interviews, newest first (id breaks ties, so pages never overlap). */
export async function listInterviews(db: Db, ctx: Ctx, query: ListInterviewsQuery): Promise<{ items: InterviewListItem[]; total: number }> {
  const where = filters(query);
  const rows = await selectInterviews(db, ctx, where)
    .orderBy(desc(interviews.createdAt), desc(interviews.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const [totals] = await db
    .select({ n: count() })
    .from(interviews)
    .where(and(eq(interviews.organizationId, ctx.organizationId), where));
  const latest = await latestInvitationEmails(db, ctx, rows.map((r) => r.interview.id));
  return { items: rows.map((r) => toListItem(r, latest.get(r.interview.id))), total: totals?.n ?? 0 };
}
