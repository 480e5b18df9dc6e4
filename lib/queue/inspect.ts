import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { type BackgroundJob, backgroundJobs } from "@/db/background-jobs";
import type { Db } from "../db/types";
import { invalidState, notFound } from "../errors";

// What operators look at when work goes wrong: failed jobs with their error, counts per kind,
// and a way to give a FAILED job its attempts again once the cause is fixed.

export type JobFilter = { status?: BackgroundJob["status"]; kind?: string; organizationId?: string; limit?: number };

/** Most recently changed first. */
export async function listJobs(db: Db, filter: JobFilter = {}): Promise<BackgroundJob[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(backgroundJobs.status, filter.status));
  if (filter.kind) where.push(eq(backgroundJobs.kind, filter.kind));
  if (filter.organizationId) where.push(eq(backgroundJobs.organizationId, filter.organizationId));
  return db
    .select()
    .from(backgroundJobs)
    .where(and(...where))
    .orderBy(desc(backgroundJobs.updatedAt))
    .limit(filter.limit ?? 50);
}

/** How many jobs of each kind are in each status. */
export async function countJobs(db: Db): Promise<{ kind: string; status: BackgroundJob["status"]; count: number }[]> {
  return db
    .select({ kind: backgroundJobs.kind, status: backgroundJobs.status, count: count() })
    .from(backgroundJobs)
    .groupBy(backgroundJobs.kind, backgroundJobs.status)
    .orderBy(backgroundJobs.kind, backgroundJobs.status);
}

/** Queues a FAILED job again now, with all its attempts; its last_error stays until it runs. */
export async function retryFailedJob(db: Db, id: string): Promise<BackgroundJob> {
  const [job] = await db
    .update(backgroundJobs)
    .set({ status: "QUEUED", runAt: sql`now()`, attempts: 0, finishedAt: null })
    .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.status, "FAILED")))
    .returning();
  if (job) return job;
  const [existing] = await db.select({ status: backgroundJobs.status }).from(backgroundJobs).where(eq(backgroundJobs.id, id));
  if (!existing) throw notFound("Background job");
  throw invalidState(`Only a FAILED job can be retried; this one is ${existing.status}.`);
}
