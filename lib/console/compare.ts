import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { campaigns } from "@/db/campaigns";
import { candidates } from "@/db/candidates";
import { interviews } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { reports, type Recommendation } from "@/db/reports";
import type { DecisionOut } from "@/lib/api/schemas/decisions";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { currentDecisions } from "@/lib/decisions/read";
import { isId } from "@/lib/ids";

// The compare screen: the completed interviews of one job or campaign, each with its current
// READY report, side by side criterion by criterion.

export const COMPARE_LIMIT = 50;

/** `?job=` or `?campaign=` (a job wins when both are given) and the score order, as they come from the URL. */
export const compareParams = z.object({
  job: z.string().max(100).optional().catch(undefined),
  campaign: z.string().max(100).optional().catch(undefined),
  sort: z.enum(["desc", "asc"]).default("desc").catch("desc"),
});
export type CompareParams = z.output<typeof compareParams>;

export type CompareScope = { kind: "job" | "campaign"; id: string; label: string };
export type CompareCriterion = { key: string; label: string };
export type CompareCandidate = {
  interviewId: string;
  name: string;
  email: string;
  endedAt: string | null;
  overallScore: number | null;
  recommendation: Recommendation | null;
  /** Score per criterion key; null when the criterion was not assessed, absent when this interview's scorecard has no such criterion. */
  scores: Record<string, number | null>;
  decision: DecisionOut | null;
};

export type Comparison =
  | { found: false; asked: { kind: "job" | "campaign"; id: string } | null }
  | { found: true; scope: CompareScope; criteria: CompareCriterion[]; candidates: CompareCandidate[]; total: number; limit: number };

/** The job or campaign of this organisation, or null: a malformed id and another organisation's id are both not found. */
async function findScope(db: Db, ctx: Ctx, kind: "job" | "campaign", id: string): Promise<CompareScope | null> {
  if (!isId(kind, id)) return null;
  const [row] =
    kind === "job"
      ? await db.select({ label: jobs.title }).from(jobs).where(and(eq(jobs.id, id), inOrg(jobs, ctx)))
      : await db.select({ label: campaigns.name }).from(campaigns).where(and(eq(campaigns.id, id), inOrg(campaigns, ctx)));
  return row ? { kind, id, label: row.label } : null;
}

export async function compareInterviews(db: Db, ctx: Ctx, p: CompareParams): Promise<Comparison> {
  const asked = p.job ? { kind: "job" as const, id: p.job } : p.campaign ? { kind: "campaign" as const, id: p.campaign } : null;
  if (!asked) return { found: false, asked: null };
  const scope = await findScope(db, ctx, asked.kind, asked.id);
  if (!scope) return { found: false, asked };

  // Driven by the (organization, job | campaign, created) index; the report is joined by its id.
  const where = and(
    inOrg(interviews, ctx),
    scope.kind === "job" ? eq(interviews.jobId, scope.id) : eq(interviews.campaignId, scope.id),
    eq(interviews.status, "COMPLETED"),
    eq(reports.status, "READY"),
    inOrg(reports, ctx),
  );
  const onReport = eq(reports.id, interviews.reportId);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        interviewId: interviews.id,
        endedAt: interviews.endedAt,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        email: candidates.email,
        overallScore: reports.overallScore,
        recommendation: reports.recommendation,
        scorecard: reports.scorecard,
      })
      .from(interviews)
      .innerJoin(reports, onReport)
      .innerJoin(candidates, and(eq(candidates.id, interviews.candidateId), inOrg(candidates, ctx)))
      .where(where)
      .orderBy(
        p.sort === "asc" ? sql`${reports.overallScore} asc nulls last` : sql`${reports.overallScore} desc nulls last`,
        desc(interviews.endedAt),
        asc(interviews.id),
      )
      .limit(COMPARE_LIMIT),
    db.select({ n: count() }).from(interviews).innerJoin(reports, onReport).where(where),
  ]);

  // Rows: every criterion any of these scorecards has, in the order they first appear.
  const criteria = new Map<string, string>();
  for (const r of rows) for (const c of r.scorecard?.criteria ?? []) if (!criteria.has(c.key)) criteria.set(c.key, c.label);
  const decisions = await currentDecisions(db, ctx, rows.map((r) => r.interviewId));
  return {
    found: true,
    scope,
    criteria: [...criteria].map(([key, label]) => ({ key, label })),
    candidates: rows.map((r) => ({
      interviewId: r.interviewId,
      name: `${r.firstName} ${r.lastName}`.trim(),
      email: r.email,
      endedAt: r.endedAt?.toISOString() ?? null,
      overallScore: r.overallScore,
      recommendation: r.recommendation,
      scores: Object.fromEntries((r.scorecard?.criteria ?? []).map((c) => [c.key, c.score])),
      decision: decisions.get(r.interviewId) ?? null,
    })),
    total: counted?.n ?? 0,
    limit: COMPARE_LIMIT,
  };
}
