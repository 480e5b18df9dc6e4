import type { Db } from "../db/types";

export type JobContext = {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  organizationId: string | null;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
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
