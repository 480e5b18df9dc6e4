import type { Db } from "../db/types";
import { randomBase62 } from "../ids";
import { claimJobs } from "./claim";
import { type JobOutcome, runClaimedJob, type RunOptions } from "./run";

/** `handlers` (and `periodicTasks`): the application's registry (`appJobs`) or a test's own. */
export type DrainOptions = Pick<RunOptions, "handlers"> & Partial<Pick<RunOptions, "periodicTasks" | "leaseMs" | "retryDelayMs">> & {
  /** Only jobs of these kinds (default: all). */
  kinds?: string[];
  /** Safety stop for handlers that keep enqueueing work (default 1000). */
  maxJobs?: number;
  /** A fake clock: what is due at this time runs now (see ClaimRequest.now). */
  now?: Date;
};

/**
 * Runs due jobs one at a time, in this call, until none is due: what a worker would do, for
 * tests and one-off scripts. Jobs that handlers enqueue meanwhile run too; a job scheduled for
 * a retry is not due yet, so it waits (move its run_at to run it again). Returns each run.
 */
export async function drainQueue(db: Db, options: DrainOptions): Promise<JobOutcome[]> {
  const workerId = `drain:${randomBase62(8)}`;
  const maxJobs = options.maxJobs ?? 1000;
  const run: RunOptions = {
    handlers: options.handlers,
    periodicTasks: options.periodicTasks ?? [],
    leaseMs: options.leaseMs ?? 60_000,
    retryDelayMs: options.retryDelayMs,
  };
  const outcomes: JobOutcome[] = [];
  for (;;) {
    if (outcomes.length >= maxJobs) throw new Error(`drainQueue: stopped after ${maxJobs} jobs; are handlers enqueueing work without end?`);
    const [job] = await claimJobs(db, { workerId, leaseMs: run.leaseMs, limit: 1, kinds: options.kinds, now: options.now });
    if (!job) return outcomes;
    outcomes.push(await runClaimedJob(db, job, run));
  }
}
