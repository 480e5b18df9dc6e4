import { and, asc, eq, inArray, lt, lte, notInArray, or, sql } from "drizzle-orm";
import { type BackgroundJob, backgroundJobs } from "@/db/background-jobs";
import type { Db } from "../db/types";

/** A job this worker holds: `lockedBy` and `attempts` together name this one run of it. */
export type ClaimedJob = Pick<BackgroundJob, "id" | "kind" | "payload" | "organizationId" | "attempts" | "maxAttempts"> & {
  lockedBy: string;
};

export type ClaimRequest = {
  workerId: string;
  leaseMs: number;
  limit: number;
  /** Only these kinds (a kind with its own concurrency cap is claimed on its own). */
  kinds?: string[];
  /** Not these kinds (the capped ones, when claiming for the shared slots). */
  excludeKinds?: string[];
  /**
   * The time that decides what is due, instead of the database's now(): a test's fake clock
   * runs a job scheduled ten minutes ahead without waiting ten minutes. Workers never set it.
   */
  now?: Date;
};

/** A time `ms` after the database's now(): leases and retry times use the database clock, never a process's. */
export const msFromNow = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

/**
 * Takes up to `limit` due jobs: queued ones whose run_at has come, and running ones whose
 * lease has lapsed (their process died). One statement, so the row locks last only as long as
 * the update: SKIP LOCKED lets other processes claim other rows meanwhile, never the same ones.
 */
export async function claimJobs(db: Db, request: ClaimRequest): Promise<ClaimedJob[]> {
  if (request.limit <= 0 || request.kinds?.length === 0) return [];
  const j = backgroundJobs;
  const now = request.now ?? sql`now()`;
  const due = or(
    and(eq(j.status, "QUEUED"), lte(j.runAt, now)),
    and(eq(j.status, "RUNNING"), lt(j.lockedUntil, now)),
  );
  const picked = db
    .select({ id: j.id })
    .from(j)
    .where(
      and(
        due,
        request.kinds ? inArray(j.kind, request.kinds) : undefined,
        request.excludeKinds?.length ? notInArray(j.kind, request.excludeKinds) : undefined,
      ),
    )
    .orderBy(asc(j.runAt))
    .limit(request.limit)
    .for("update", { skipLocked: true });
  // array(subquery) is evaluated once, before the update, whatever plan is chosen.
  const rows = await db
    .update(j)
    .set({ status: "RUNNING", lockedBy: request.workerId, lockedUntil: msFromNow(request.leaseMs), attempts: sql`${j.attempts} + 1` })
    .where(sql`${j.id} = any(array(${picked}))`)
    .returning({
      id: j.id,
      kind: j.kind,
      payload: j.payload,
      organizationId: j.organizationId,
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
      runAt: j.runAt,
    });
  return rows
    .sort((a, b) => a.runAt.getTime() - b.runAt.getTime())
    .map(({ runAt: _runAt, ...job }) => ({ ...job, lockedBy: request.workerId }));
}

/**
 * The embedded database admits one process, so at its start every RUNNING job belongs to a
 * process that is gone: end their leases now instead of waiting them out.
 */
export async function releaseOrphanedJobs(db: Db): Promise<number> {
  const rows = await db
    .update(backgroundJobs)
    .set({ lockedUntil: sql`now()` })
    .where(and(eq(backgroundJobs.status, "RUNNING"), sql`${backgroundJobs.lockedUntil} > now()`))
    .returning({ id: backgroundJobs.id });
  return rows.length;
}
