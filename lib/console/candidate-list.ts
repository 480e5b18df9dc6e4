import { and, count, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { candidates } from "@/db/candidates";
import { interviews } from "@/db/interviews";
import type { CandidateResource } from "@/lib/api/schemas/candidates";
import { totalCount } from "@/lib/api/schemas/common";
import { getCandidate } from "@/lib/candidates/read";
import { serializeCandidate } from "@/lib/candidates/serialize";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import { containsPattern } from "@/lib/db/like";
import { newestFirstPage } from "@/lib/db/newest-first";
import type { Db } from "@/lib/db/types";
import { latestInvitationEmails, selectInterviews, toListItem } from "@/lib/interviews/read";
import { type ConsoleListRow, withScores } from "./interview-list";

// The console's candidate screens: the API's list (newest first from candidates_org_created_idx,
// counted no further than the API's bound) with a search by name or e-mail, and a candidate's
// page with every interview they had, each with its score and decision.

export const candidateListParams = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type CandidateListParams = z.output<typeof candidateListParams>;
export const CANDIDATE_PAGE_SIZE = 25;
/** A candidate's page lists this many interviews, newest first (more is beyond any real hiring process). */
export const CANDIDATE_INTERVIEWS_LIMIT = 100;

export type CandidateListRow = CandidateResource & { interviews: number };

/** Name (first, last, or both as written) or e-mail, case-insensitively; `%` and `_` match themselves. */
function search(q: string) {
  const pattern = containsPattern(q);
  return or(ilike(candidates.email, pattern), ilike(sql`${candidates.firstName} || ' ' || ${candidates.lastName}`, pattern));
}

export async function listConsoleCandidates(db: Db, ctx: Ctx, p: CandidateListParams): Promise<{ rows: CandidateListRow[]; total: number; totalExact: boolean }> {
  const where = and(inOrg(candidates, ctx), p.q ? search(p.q) : undefined);
  const { rows, total } = await newestFirstPage(db, candidates, where, { page: p.page, pageSize: CANDIDATE_PAGE_SIZE });
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({ candidateId: interviews.candidateId, n: count() })
        .from(interviews)
        .where(and(inOrg(interviews, ctx), inArray(interviews.candidateId, ids)))
        .groupBy(interviews.candidateId)
    : [];
  const byId = new Map(counts.map((c) => [c.candidateId, c.n]));
  return { rows: rows.map((r) => ({ ...serializeCandidate(r), interviews: byId.get(r.id) ?? 0 })), total: totalCount(total), totalExact: typeof total === "number" };
}

export type CandidateView = { candidate: CandidateResource; interviews: ConsoleListRow[] };

/** The candidate (a 404 when not the organisation's) and their interviews, newest first. */
export async function getCandidateView(db: Db, ctx: Ctx, id: string): Promise<CandidateView> {
  const candidate = await getCandidate(db, ctx, id);
  const rows = await selectInterviews(db, ctx, eq(interviews.candidateId, id))
    .orderBy(desc(interviews.createdAt), desc(interviews.id))
    .limit(CANDIDATE_INTERVIEWS_LIMIT);
  const latest = await latestInvitationEmails(db, ctx, rows.map((r) => r.interview.id));
  return { candidate, interviews: await withScores(db, ctx, rows.map((r) => toListItem(r, latest.get(r.interview.id)))) };
}
