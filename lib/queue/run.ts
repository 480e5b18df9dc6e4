import type { Db } from "../db/types";
import { errorFields, log } from "../log";
import type { ClaimedJob } from "./claim";
import { completeJob, describeError, extendLease, type FailOutcome, failJob } from "./finish";
import { PERIODIC_KIND_PREFIX, periodicHandler } from "./periodic";
import { type JobHandler, type PeriodicTask, PermanentJobError } from "./types";

export type RunOptions = {
  handlers: Record<string, JobHandler>;
  periodicTasks: PeriodicTask[];
  leaseMs: number;
  /** Delay before attempt n+1 after attempt n failed; exponential with jitter by default. */
  retryDelayMs?: (attempt: number) => number;
  /** Aborted when the worker stops waiting for this run: the heartbeat stops, the lease lapses. */
  abandon?: AbortSignal;
};

/** "lost": the job was no longer ours when the run ended (lease lapsed, claimed elsewhere). */
export type JobOutcome = {
  id: string;
  kind: string;
  attempt: number;
  outcome: "succeeded" | FailOutcome;
  error?: string;
};

function handlerFor(kind: string, options: RunOptions): JobHandler {
  if (kind.startsWith(PERIODIC_KIND_PREFIX)) {
    const handler = periodicHandler(options.periodicTasks, kind);
    if (handler) return handler;
    throw new PermanentJobError(`Unknown periodic task "${kind.slice(PERIODIC_KIND_PREFIX.length)}": it is not among the periodic tasks of this process's worker (lib/background-jobs.ts).`);
  }
  const handler = options.handlers[kind];
  if (handler) return handler;
  // Failing at once, not retrying: a missing handler does not appear by waiting.
  throw new PermanentJobError(`Unknown job kind "${kind}": no job of this kind is registered with this process's worker (lib/background-jobs.ts).`);
}

/**
 * Runs one claimed job outside any transaction and records the result. While the handler
 * runs, a heartbeat keeps pushing the lease forward (every third of it), so a slow model call
 * is not mistaken for a dead process; if the job stops being ours, the handler's signal aborts.
 */
export async function runClaimedJob(db: Db, job: ClaimedJob, options: RunOptions): Promise<JobOutcome> {
  const started = Date.now();
  const fields = { jobId: job.id, kind: job.kind, attempt: job.attempts, workerId: job.lockedBy };
  const controller = new AbortController();
  let settled = false;
  const heartbeat = setInterval(() => {
    extendLease(db, job, options.leaseMs).then(
      (ours) => {
        if (ours || settled) return;
        clearInterval(heartbeat);
        log.warn("job lease lost while running; its result will be discarded", fields);
        controller.abort(new Error("The job's lease was lost: another worker may run it."));
      },
      (err) => log.warn("job heartbeat failed", { ...fields, ...errorFields(err) }),
    );
  }, Math.max(50, Math.floor(options.leaseMs / 3)));
  const abandon = () => {
    clearInterval(heartbeat);
    controller.abort(new Error("The worker stopped before this job finished."));
  };
  options.abandon?.addEventListener("abort", abandon, { once: true });

  let failure: unknown;
  let failed = false;
  try {
    if (job.attempts > job.maxAttempts) {
      // Its last attempt's process died (lease lapsed): a job that kills its process must not loop.
      throw new PermanentJobError(`Attempt ${job.attempts - 1} of ${job.maxAttempts} stopped without finishing (its process died and the lease expired); no attempts remain.`);
    }
    await handlerFor(job.kind, options)(db, {
      id: job.id,
      kind: job.kind,
      payload: job.payload,
      organizationId: job.organizationId,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      signal: controller.signal,
    });
  } catch (err) {
    failed = true;
    failure = err;
  } finally {
    settled = true;
    clearInterval(heartbeat);
    options.abandon?.removeEventListener("abort", abandon);
  }

  const durationMs = Date.now() - started;
  if (!failed) {
    const ours = await completeJob(db, job);
    if (!ours) log.warn("job finished after its lease was lost; result discarded", { ...fields, durationMs });
    // Periodic runs succeed every minute or hour in every deployment: not worth an info line each.
    else if (job.kind.startsWith(PERIODIC_KIND_PREFIX)) log.debug("job succeeded", { ...fields, durationMs });
    else log.info("job succeeded", { ...fields, durationMs });
    return { id: job.id, kind: job.kind, attempt: job.attempts, outcome: ours ? "succeeded" : "lost" };
  }
  const outcome = await failJob(db, job, failure, options.retryDelayMs);
  const error = describeError(failure);
  const errFields = { ...fields, durationMs, error: error.split("\n")[0] };
  if (outcome === "retry") log.warn("job failed; will retry", errFields);
  else if (outcome === "failed") log.error("job failed for good", { ...errFields, maxAttempts: job.maxAttempts });
  else log.warn("job failed after its lease was lost; result discarded", errFields);
  return { id: job.id, kind: job.kind, attempt: job.attempts, outcome, error };
}
