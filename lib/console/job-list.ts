import { and, count, eq, ilike, inArray } from "drizzle-orm";
import { z } from "zod";
import { interviews } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { totalCount } from "@/lib/api/schemas/common";
import type { JobResource } from "@/lib/api/schemas/jobs";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import { containsPattern } from "@/lib/db/like";
import { newestFirstPage } from "@/lib/db/newest-first";
import type { Db } from "@/lib/db/types";
import { archivedFilter, getJob } from "@/lib/jobs/read";
import { serializeJob } from "@/lib/jobs/serialize";

// The console's job screens: the API's list (newest first, read from jobs_org_active_created_idx
// or jobs_org_created_idx, counted no further than the API's bound) with a search by title, and
// each job with how many interviews it has.

export const jobListParams = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  archived: z.enum(["active", "archived"]).default("active").catch("active"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type JobListParams = z.output<typeof jobListParams>;
export const JOB_PAGE_SIZE = 25;

export type JobListRow = JobResource & { interviews: number };

export async function listConsoleJobs(db: Db, ctx: Ctx, p: JobListParams): Promise<{ rows: JobListRow[]; total: number; totalExact: boolean }> {
  const where = and(inOrg(jobs, ctx), archivedFilter(p.archived === "archived"), p.q ? ilike(jobs.title, containsPattern(p.q)) : undefined);
  const { rows, total } = await newestFirstPage(db, jobs, where, { page: p.page, pageSize: JOB_PAGE_SIZE });
  const counts = await interviewCounts(db, ctx, rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ ...serializeJob(r), interviews: counts.get(r.id) ?? 0 })), total: totalCount(total), totalExact: typeof total === "number" };
}

/** Interviews per job for one page of jobs, counted in interviews_org_job_created_idx. */
async function interviewCounts(db: Db, ctx: Ctx, jobIds: string[]): Promise<Map<string, number>> {
  if (!jobIds.length) return new Map();
  const rows = await db
    .select({ jobId: interviews.jobId, n: count() })
    .from(interviews)
    .where(and(inOrg(interviews, ctx), inArray(interviews.jobId, jobIds)))
    .groupBy(interviews.jobId);
  return new Map(rows.map((r) => [r.jobId, r.n]));
}

/** The job page: the job (a 404 when it is not the organisation's) and its interview count. */
export async function getConsoleJob(db: Db, ctx: Ctx, id: string): Promise<JobListRow> {
  const job = await getJob(db, ctx, id);
  const [row] = await db
    .select({ n: count() })
    .from(interviews)
    .where(and(inOrg(interviews, ctx), eq(interviews.jobId, id)));
  return { ...job, interviews: row?.n ?? 0 };
}
