import { and, eq, sql } from "drizzle-orm";
import { backgroundJobs } from "@/db/background-jobs";
import type { Db } from "../db/types";
import { type ClaimedJob, msFromNow } from "./claim";
import { PermanentJobError } from "./types";

// Every write after the claim applies only while this run still owns the row: same worker,
// same attempt, still RUNNING. A run whose lease lapsed and was claimed again elsewhere finds
// nothing to update, so it cannot overwrite the new owner's result.
const stillMine = (job: ClaimedJob) =>
  and(
    eq(backgroundJobs.id, job.id),
    eq(backgroundJobs.status, "RUNNING"),
    eq(backgroundJobs.lockedBy, job.lockedBy),
    eq(backgroundJobs.attempts, job.attempts),
  );

/** Marks the run SUCCEEDED; false if the job was no longer ours. */
export async function completeJob(db: Db, job: ClaimedJob): Promise<boolean> {
  const rows = await db
    .update(backgroundJobs)
    .set({ status: "SUCCEEDED", finishedAt: sql`now()`, lockedBy: null, lockedUntil: null })
    .where(stillMine(job))
    .returning({ id: backgroundJobs.id });
  return rows.length > 0;
}

export type FailOutcome = "retry" | "failed" | "lost";

/**
 * Records a failed run: queued again after a backoff while attempts remain, FAILED (for good)
 * after the last one or on a PermanentJobError. "lost" if the job was no longer ours.
 */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  error: unknown,
  delayMs: (attempt: number) => number = retryDelayMs,
): Promise<FailOutcome> {
  const final = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
  const lastError = describeError(error);
  const rows = await db
    .update(backgroundJobs)
    .set(
      final
        ? { status: "FAILED", finishedAt: sql`now()`, lockedBy: null, lockedUntil: null, lastError }
        : { status: "QUEUED", runAt: msFromNow(delayMs(job.attempts)), lockedBy: null, lockedUntil: null, lastError },
    )
    .where(stillMine(job))
    .returning({ id: backgroundJobs.id });
  if (rows.length === 0) return "lost";
  return final ? "failed" : "retry";
}

/** Heartbeat: pushes the lease forward while the handler runs; false once the job is lost. */
export async function extendLease(db: Db, job: ClaimedJob, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(backgroundJobs)
    .set({ lockedUntil: msFromNow(leaseMs) })
    .where(stillMine(job))
    .returning({ id: backgroundJobs.id });
  return rows.length > 0;
}

const RETRY_BASE_MS = 10_000;
const RETRY_CAP_MS = 60 * 60_000;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * 10 s · 2^(n-1), capped at an hour. The random half spreads out jobs that failed together
 * (an e-mail provider outage) so they do not all come back at the same second.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const MAX_ERROR_LENGTH = 4000;

/** What goes into last_error: the stack (which starts with the message), bounded. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
