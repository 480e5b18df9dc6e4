import type { Db } from "../db/types";

export type JobContext = {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  organizationId: string | null;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  /**
   * Aborted when this run no longer owns the job (its lease was lost) or the worker is
   * stopping and gave up waiting: pass it to fetch() and model calls so they stop early.
   */
  signal?: AbortSignal;
};

/**
 * Runs one job. Throwing schedules a retry with backoff (until maxAttempts); throwing a
 * PermanentJobError fails the job at once. Handlers must be safe to run again after a crash:
 * a job whose process died is claimed again when its lease ends.
 */
export type JobHandler = (db: Db, job: JobContext) => Promise<void>;

export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/** Work that runs on a schedule in whichever process gets to it first (expiry sweep, clean-ups). */
export type PeriodicTask = { name: string; everyMs: number; run: (db: Db) => Promise<void> };

/**
 * The most jobs of one kind a process runs at once, within its WORKER_CONCURRENCY. A function
 * is read when the worker starts, so it may read a setting (env()) without doing so at import.
 */
export type KindConcurrency = Record<string, number | (() => number)>;
