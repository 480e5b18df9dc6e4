import { eq, sql } from "drizzle-orm";
import { interviewConfigs } from "@/db/interview-configs";
import type { Db } from "../db/types";
import { randomBase62 } from "../ids";
import { foldInterviewStatusCounts } from "../interviews/stats";
import { snapshotOf } from "../interviews/references";
import { createOrganization } from "../organizations";
import { insertOrganizationRows, type OrgPlan } from "./scale-sql";

export type ScaleDataOptions = {
  /** Interviews in all, spread over the organisations. */
  interviews: number;
  /** Share of them in the first (largest) organisation; the others split the rest evenly. */
  largestShare?: number;
  /** Organisations besides the largest; default: one per 20,000 remaining interviews. */
  otherOrganizations?: number;
  /** How far back creation dates go. */
  days?: number;
};

export type ScaleDataResult = {
  run: string;
  largest: { id: string; slug: string; interviews: number };
  organizations: number;
  rows: { interviews: number; candidates: number; jobs: number; campaigns: number; reports: number; emails: number };
  seconds: number;
};

/**
 * Loads a realistic volume of data for benchmarks and plan tests: organisations with their
 * default configuration, then per organisation jobs, candidates, campaigns with one stage,
 * interviews in every status (older ones final, the last week's still open, a few invitations
 * just past expiry that the sweep has not reached) and a READY report per completed
 * interview, and the invitation e-mails of the last 90 days. Each table of each organisation is one set-based INSERT … SELECT over
 * generate_series, so a million interviews take minutes, not hours. Adds to what is there;
 * every run has its own slugs. Ends with the counts folded and the tables analysed.
 */
export async function generateScaleData(db: Db, options: ScaleDataOptions): Promise<ScaleDataResult> {
  const started = performance.now();
  const total = Math.floor(options.interviews);
  if (!(total >= 1)) throw new Error("interviews must be at least 1");
  const largestCount = Math.max(1, Math.round(total * (options.largestShare ?? 0.2)));
  const rest = total - largestCount;
  const others = rest === 0 ? 0 : Math.max(1, options.otherOrganizations ?? Math.ceil(rest / 20_000));
  const sizes = [largestCount, ...Array.from({ length: others }, (_, i) => Math.floor(rest / others) + (i < rest % others ? 1 : 0))];
  const run = randomBase62(6).toLowerCase();
  const rows = { interviews: 0, candidates: 0, jobs: 0, campaigns: 0, reports: 0, emails: 0 };
  let largest: ScaleDataResult["largest"] | undefined;

  for (const [i, size] of sizes.entries()) {
    const slug = `scale-${run}-${i + 1}`;
    const org = await createOrganization(db, { type: "system", id: "scale-data" }, { name: `Scale ${run} ${i + 1}`, slug });
    const [config] = await db.select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, org.id));
    const plan: OrgPlan = {
      organizationId: org.id,
      seed: `${run}-${i + 1}`,
      configId: config!.id,
      snapshot: snapshotOf(config!),
      interviews: size,
      candidates: Math.max(1, Math.ceil(size * 0.8)),
      jobs: Math.max(1, Math.ceil(size / 200)),
      days: options.days ?? 730,
    };
    const made = await insertOrganizationRows(db, plan);
    for (const k of Object.keys(rows) as (keyof typeof rows)[]) rows[k] += made[k];
    if (i === 0) largest = { id: org.id, slug, interviews: size };
  }

  await foldInterviewStatusCounts(db);
  // Fresh statistics for the planner, and a visibility map, so pages come from the indexes alone.
  for (const table of ["organizations", "jobs", "candidates", "campaigns", "campaign_stages", "interviews", "reports", "emails", "interview_status_counts"]) {
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  }
  return { run, largest: largest!, organizations: sizes.length, rows, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
