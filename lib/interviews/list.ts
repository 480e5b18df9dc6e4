import { and, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { candidates } from "@/db/candidates";
import { emails, INVITATION_EMAIL_KIND } from "@/db/emails";
import { interviews } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import type { InterviewListItem, ListInterviewsQuery } from "@/lib/api/schemas/interviews";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import { boundedCount } from "../db/newest-first";
import type { Db } from "../db/types";
import { pageOffset, type Total } from "@/lib/api/schemas/common";
import { listedColumns, toListItem } from "./read";
import { countInterviewsByStatus } from "./stats";
import { effectiveStatusRanges, effectiveStatusSql } from "./status";

// Every query here is planned against the indexes in db/interviews.ts; tests/integration/
// list-plans.test.ts runs EXPLAIN on each and fails on a sort or scan of a whole organisation.

function otherFilters(ctx: Ctx, query: ListInterviewsQuery): SQL {
  return and(
    inOrg(interviews, ctx),
    query.jobId ? eq(interviews.jobId, query.jobId) : undefined,
    query.campaignId ? eq(interviews.campaignId, query.campaignId) : undefined,
    query.createdAfter ? gt(interviews.createdAt, query.createdAfter) : undefined,
    query.updatedAfter ? gt(interviews.updatedAt, query.updatedAfter) : undefined,
  )!;
}

const newestFirst = [desc(interviews.createdAt), desc(interviews.id)];

/**
 * The matching interviews' ids and creation times, read newest first from an index. An
 * effective status may stand for several stored ones (EXPIRED: stored EXPIRED, or DRAFT or
 * INVITED past expiry): one range each, in a UNION ALL. Each branch stops after `upTo` rows,
 * so whether PostgreSQL merges the ordered branches (Merge Append) or sorts them, it handles
 * at most branches × upTo rows, never the organisation's. Without `upTo` (counting), branches
 * are read in any order and a single range newest first, from the index a page uses.
 */
function matching(db: Db, ctx: Ctx, query: ListInterviewsQuery, upTo?: number) {
  const where = otherFilters(ctx, query);
  const keys = (range?: SQL) => db.select({ id: interviews.id, createdAt: interviews.createdAt }).from(interviews).where(and(where, range)).$dynamic();
  const ranges = query.status ? effectiveStatusRanges(query.status) : [undefined];
  if (ranges.length === 1) return keys(ranges[0]).orderBy(...newestFirst);
  const [first, ...more] = ranges.map((range) => (upTo === undefined ? keys(range) : keys(range).orderBy(...newestFirst).limit(upTo)));
  let union = first!;
  for (const next of more) union = union.unionAll(next);
  return union;
}

/** The page's keys, newest first, id breaking ties: found in the indexes alone, however deep. */
function pageOf(db: Db, ctx: Ctx, query: ListInterviewsQuery) {
  const all = matching(db, ctx, query, pageOffset(query) + query.pageSize).as("matching");
  return db
    .select({ id: all.id, createdAt: all.createdAt })
    .from(all)
    .orderBy(desc(all.createdAt), desc(all.id))
    .limit(query.pageSize)
    .offset(pageOffset(query))
    .as("page");
}

/** The newest invitation e-mail of the interview in the row beside it (a lateral subquery). */
function latestInvitationEmail(db: Db, ctx: Ctx) {
  return db
    .select({ id: emails.id, status: emails.status, sentAt: emails.sentAt })
    .from(emails)
    .where(and(eq(emails.interviewId, interviews.id), inOrg(emails, ctx), eq(emails.kind, INVITATION_EMAIL_KIND)))
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(1)
    .as("latest_email");
}

/**
 * The total: kept counts when only `status` (or nothing) filters, so exact at any size;
 * otherwise counted, up to a bound past the page (boundedCount).
 */
async function totalOf(db: Db, ctx: Ctx, query: ListInterviewsQuery): Promise<Total> {
  if (!query.jobId && !query.campaignId && !query.createdAfter && !query.updatedAfter) {
    const counts = await countInterviewsByStatus(db, ctx);
    return query.status ? counts[query.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  }
  return boundedCount(db, matching(db, ctx, query), query);
}

/** A page of the organisation's interviews, newest first (id breaks ties, so pages never overlap). */
export async function listInterviews(db: Db, ctx: Ctx, query: ListInterviewsQuery): Promise<{ items: InterviewListItem[]; total: Total }> {
  const page = pageOf(db, ctx, query);
  const email = latestInvitationEmail(db, ctx);
  const [rows, total] = await Promise.all([
    db
      .select({
        interview: listedColumns,
        // Computed by the database, so a row matched by ?status=EXPIRED also reads EXPIRED.
        status: effectiveStatusSql,
        candidate: { id: candidates.id, firstName: candidates.firstName, lastName: candidates.lastName, email: candidates.email },
        job: { id: jobs.id, title: jobs.title },
        email: { id: email.id, status: email.status, sentAt: email.sentAt },
      })
      .from(page)
      .innerJoin(interviews, and(eq(interviews.id, page.id), inOrg(interviews, ctx)))
      .innerJoin(candidates, and(eq(candidates.id, interviews.candidateId), inOrg(candidates, ctx)))
      .innerJoin(jobs, and(eq(jobs.id, interviews.jobId), inOrg(jobs, ctx)))
      .leftJoinLateral(email, sql`true`)
      .orderBy(desc(page.createdAt), desc(page.id)),
    totalOf(db, ctx, query),
  ]);
  return { items: rows.map((r) => toListItem(r, r.email)), total };
}
