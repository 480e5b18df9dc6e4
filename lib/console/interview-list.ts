import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { candidates } from "@/db/candidates";
import { interviewStatus, interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import type { DecisionOut } from "@/lib/api/schemas/decisions";
import type { InterviewListItem } from "@/lib/api/schemas/interviews";
import { currentDecisions } from "@/lib/decisions/read";
import type { Ctx } from "@/lib/context";
import { containsPattern } from "@/lib/db/like";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { boundedCount } from "@/lib/db/newest-first";
import { pageOffset, totalCount } from "@/lib/api/schemas/common";
import { isId } from "@/lib/ids";
import { listInterviews } from "@/lib/interviews/list";
import { latestInvitationEmails, selectInterviews, toListItem } from "@/lib/interviews/read";
import { effectiveStatusRanges } from "@/lib/interviews/status";

// The console's interview list: the API's filters, plus search by candidate, an end date and
// sorting by score or oldest first. Without those it is the API's own list query (same
// indexes, same speed); with them the total is counted no further than the API's bound.

const day = z.iso.date().optional().catch(undefined);
const optionalId = (kind: "job" | "campaign") => z.string().optional().transform((v) => (v && isId(kind, v) ? v : undefined));

export const consoleListParams = z.object({
  status: z.enum(interviewStatus.enumValues).optional().catch(undefined),
  job: optionalId("job"),
  campaign: optionalId("campaign"),
  q: z.string().trim().max(100).optional().catch(undefined),
  from: day,
  to: day,
  sort: z.enum(["newest", "oldest", "score"]).default("newest").catch("newest"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type ConsoleListParams = z.output<typeof consoleListParams>;
export const CONSOLE_PAGE_SIZE = 25;

export type ConsoleListRow = InterviewListItem & {
  report: { overallScore: number | null; recommendation: string | null } | null;
  decision: DecisionOut | null;
};

/**
 * A page of the console's list and its total. `totalExact` is false when counting stopped
 * (boundedCount): the page shows the total as a lower bound, and its pages still work.
 */
export async function listConsoleInterviews(db: Db, ctx: Ctx, p: ConsoleListParams): Promise<{ rows: ConsoleListRow[]; total: number; totalExact: boolean }> {
  const createdAfter = p.from ? new Date(`${p.from}T00:00:00Z`) : undefined;
  if (!p.q && p.sort === "newest" && !p.to) {
    const { items, total } = await listInterviews(db, ctx, {
      status: p.status,
      jobId: p.job,
      campaignId: p.campaign,
      // The API's createdAfter is strict; a day filter includes midnight.
      createdAfter: createdAfter ? new Date(createdAfter.getTime() - 1) : undefined,
      page: p.page,
      pageSize: CONSOLE_PAGE_SIZE,
    });
    return { rows: await withScores(db, ctx, items), total: totalCount(total), totalExact: typeof total === "number" };
  }
  const where = and(
    p.status ? or(...effectiveStatusRanges(p.status)) : undefined,
    p.job ? eq(interviews.jobId, p.job) : undefined,
    p.campaign ? eq(interviews.campaignId, p.campaign) : undefined,
    createdAfter ? gte(interviews.createdAt, createdAfter) : undefined,
    p.to ? lt(interviews.createdAt, new Date(new Date(`${p.to}T00:00:00Z`).getTime() + 86_400_000)) : undefined,
    p.q ? search(p.q) : undefined,
  );
  // By score: interviews_org_score_created_idx read backwards (the score is kept on the
  // interview by triggers, db/interviews.ts), so the best page is found without sorting.
  const order =
    p.sort === "score"
      ? [sql`${interviews.overallScore} desc nulls last`, desc(interviews.createdAt), desc(interviews.id)]
      : p.sort === "oldest"
        ? [asc(interviews.createdAt), asc(interviews.id)]
        : [desc(interviews.createdAt), desc(interviews.id)];
  const page = { page: p.page, pageSize: CONSOLE_PAGE_SIZE };
  // Counted from the interviews' indexes alone unless the search needs the candidates' names.
  const counted = db.select({ one: sql`1` }).from(interviews);
  const matching = (p.q ? counted.innerJoin(candidates, and(eq(candidates.id, interviews.candidateId), inOrg(candidates, ctx))) : counted).where(and(inOrg(interviews, ctx), where));
  const [rows, total] = await Promise.all([selectInterviews(db, ctx, where).orderBy(...order).limit(page.pageSize).offset(pageOffset(page)), boundedCount(db, matching, page)]);
  const latest = await latestInvitationEmails(db, ctx, rows.map((r) => r.interview.id));
  return {
    rows: await withScores(db, ctx, rows.map((r) => toListItem(r, latest.get(r.interview.id)))),
    total: totalCount(total),
    totalExact: typeof total === "number",
  };
}

/** Name or e-mail, case-insensitively; `%` and `_` typed by the user match themselves. */
function search(q: string): SQL {
  const pattern = containsPattern(q);
  return or(
    ilike(candidates.email, pattern),
    ilike(sql`${candidates.firstName} || ' ' || ${candidates.lastName}`, pattern),
  )!;
}

export async function withScores(db: Db, ctx: Ctx, items: InterviewListItem[]): Promise<ConsoleListRow[]> {
  const ids = items.map((i) => i.reportId).filter((id): id is string => id !== null);
  // Independent reads, side by side: each is a round trip the page would otherwise wait for twice.
  const [found, decisions] = await Promise.all([
    ids.length
      ? db
          .select({ id: reports.id, overallScore: reports.overallScore, recommendation: reports.recommendation })
          .from(reports)
          .where(and(inOrg(reports, ctx), inArray(reports.id, ids)))
      : [],
    currentDecisions(db, ctx, items.map((i) => i.id)),
  ]);
  const byId = new Map(found.map((r) => [r.id, r]));
  return items.map((item) => {
    const r = item.reportId ? byId.get(item.reportId) : undefined;
    return { ...item, report: r ? { overallScore: r.overallScore, recommendation: r.recommendation } : null, decision: decisions.get(item.id) ?? null };
  });
}
