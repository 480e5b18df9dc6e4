import os from "node:os";
import type { Database } from "../db/types";
import { env } from "../env";
import { errorFields, log } from "../log";
import { randomBase62 } from "../ids";
import { type ClaimedJob, claimJobs, releaseOrphanedJobs } from "./claim";
import { JOBS_CHANNEL } from "./enqueue";
import { enqueuePeriodicJobs } from "./periodic";
import { runClaimedJob, type RunOptions } from "./run";
import type { JobHandler, KindConcurrency, PeriodicTask } from "./types";

export type WorkerOptions = {
  /** Jobs this process runs at once (WORKER_CONCURRENCY). */
  concurrency?: number;
  /** How often an idle worker looks for due jobs (WORKER_POLL_MS); NOTIFY wakes it sooner. */
  pollMs?: number;
  /** How long a claim holds a job without a heartbeat (WORKER_LEASE_SECONDS). */
  leaseMs?: number;
  /** How long stop() waits for running jobs (WORKER_STOP_TIMEOUT_SECONDS). */
  stopTimeoutMs?: number;
  /**
   * What this worker runs, by kind: the application's registry (`appJobs`, lib/background-jobs.ts,
   * passed by the entry points) or a test's own. No periodic tasks and no caps unless given.
   */
  handlers: Record<string, JobHandler>;
  periodicTasks?: PeriodicTask[];
  kindConcurrency?: KindConcurrency;
  retryDelayMs?: RunOptions["retryDelayMs"];
  workerId?: string;
  /** LISTEN for enqueue notifications (default true); polling continues either way. */
  listen?: boolean;
  /** End the leases of RUNNING jobs before the first claim: only right when no other process can hold them (embedded database). */
  releaseOrphans?: boolean;
};

export type Worker = {
  id: string;
  /** Jobs running in this process now. */
  running(): number;
  /** Look for due jobs now instead of at the next poll. */
  wake(): void;
  /**
   * Stops claiming, then waits up to `timeoutMs` for running jobs. Those still running are
   * abandoned: their heartbeat stops and their lease lapses, so another worker takes them up.
   */
  stop(timeoutMs?: number): Promise<{ abandoned: string[] }>;
};

export const WORKER_DEFAULTS = { concurrency: 4, pollMs: 1000, leaseMs: 60_000, stopTimeoutMs: 20_000 };

/** Worker settings from the environment (lib/env.ts). */
export function workerOptionsFromEnv(): Omit<WorkerOptions, "handlers"> {
  const e = env();
  return {
    concurrency: e.WORKER_CONCURRENCY,
    pollMs: e.WORKER_POLL_MS,
    leaseMs: e.WORKER_LEASE_SECONDS * 1000,
    stopTimeoutMs: e.WORKER_STOP_TIMEOUT_SECONDS * 1000,
  };
}

function resolveCaps(kinds: KindConcurrency): Map<string, number> {
  const caps = new Map<string, number>();
  for (const [kind, value] of Object.entries(kinds)) {
    const cap = typeof value === "function" ? value() : value;
    if (!Number.isInteger(cap) || cap < 1) throw new Error(`The concurrency of job kind "${kind}" must be a whole number of at least 1, not ${cap}.`);
    caps.set(kind, cap);
  }
  return caps;
}

/**
 * Starts claiming and running jobs in this process until stop(). Several workers (in one
 * process or many) can share a database: claims skip each other's locked rows.
 */
export function startWorker(database: Database, options: WorkerOptions): Worker {
  const db = database.db;
  const id = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBase62(6)}`;
  const concurrency = options.concurrency ?? WORKER_DEFAULTS.concurrency;
  const pollMs = options.pollMs ?? WORKER_DEFAULTS.pollMs;
  const caps = resolveCaps(options.kindConcurrency ?? {});
  const tasks = options.periodicTasks ?? [];
  const abandon = new AbortController();
  const runOptions: RunOptions = {
    handlers: options.handlers,
    periodicTasks: tasks,
    leaseMs: options.leaseMs ?? WORKER_DEFAULTS.leaseMs,
    retryDelayMs: options.retryDelayMs,
    abandon: abandon.signal,
  };

  const running = new Map<string, Promise<void>>();
  const runningByKind = new Map<string, number>();
  const periodicSlots = new Map<string, number>();
  let needsOrphanRelease = options.releaseOrphans ?? false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let again = false;
  let failing = false;

  function launch(job: ClaimedJob) {
    runningByKind.set(job.kind, (runningByKind.get(job.kind) ?? 0) + 1);
    const done = runClaimedJob(db, job, runOptions)
      .then(
        () => {},
        // Recording the result failed (database gone): the lease lapses and the job runs again.
        (err) => log.error("could not record a job's result", { jobId: job.id, kind: job.kind, workerId: id, ...errorFields(err) }),
      )
      .finally(() => {
        running.delete(job.id);
        runningByKind.set(job.kind, runningByKind.get(job.kind)! - 1);
        wake();
      });
    running.set(job.id, done);
  }

  // Capped kinds are claimed first, each within its own room, so the shared slots cannot
  // starve them; the rest of the free slots go to every other kind, oldest run_at first.
  async function claimRound() {
    const free = concurrency - running.size;
    if (free <= 0) return;
    const claimed: ClaimedJob[] = [];
    for (const [kind, cap] of caps) {
      const room = Math.min(free - claimed.length, cap - (runningByKind.get(kind) ?? 0));
      if (room > 0) claimed.push(...(await claimJobs(db, { workerId: id, leaseMs: runOptions.leaseMs, limit: room, kinds: [kind] })));
    }
    const rest = free - claimed.length;
    if (rest > 0) {
      claimed.push(...(await claimJobs(db, { workerId: id, leaseMs: runOptions.leaseMs, limit: rest, excludeKinds: [...caps.keys()] })));
    }
    claimed.forEach(launch);
  }

  async function tick() {
    try {
      if (needsOrphanRelease) {
        const released = await releaseOrphanedJobs(db);
        needsOrphanRelease = false;
        if (released > 0) log.info("released jobs left running by a previous process", { released, workerId: id });
      }
      if (tasks.length > 0) await enqueuePeriodicJobs(db, tasks, Date.now(), periodicSlots);
      await claimRound();
      if (failing) log.info("worker reaches the database again", { workerId: id });
      failing = false;
    } catch (err) {
      // Logged once per outage, not once per poll; polling goes on.
      if (!failing) log.error("worker cannot claim jobs; retrying", { workerId: id, ...errorFields(err) });
      failing = true;
    }
  }

  function schedule(ms: number) {
    clearTimeout(timer);
    if (stopping) return;
    timer = setTimeout(() => {
      current = tick().finally(() => {
        current = undefined;
        const soon = again;
        again = false;
        schedule(soon ? 0 : pollMs);
      });
    }, ms);
  }

  function wake() {
    if (stopping) return;
    if (current) again = true;
    else schedule(0);
  }

  const unlisten =
    options.listen === false
      ? Promise.resolve(undefined)
      : database.listen(JOBS_CHANNEL, wake).catch((err) => {
          log.warn("worker cannot LISTEN for new jobs; polling only", { workerId: id, ...errorFields(err) });
          return undefined;
        });

  schedule(0);
  log.info("worker started", { workerId: id, concurrency, pollMs, leaseMs: runOptions.leaseMs, kindConcurrency: Object.fromEntries(caps) });

  return {
    id,
    running: () => running.size,
    wake,
    async stop(timeoutMs = options.stopTimeoutMs ?? WORKER_DEFAULTS.stopTimeoutMs) {
      if (!stopping) log.info("worker stopping", { workerId: id, running: running.size });
      stopping = true;
      clearTimeout(timer);
      await (await unlisten)?.().catch(() => {});
      // A claim in flight may still launch jobs: wait for it before counting what runs.
      await current;
      let timeout: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.allSettled(running.values()).then(() => true),
        new Promise<false>((resolve) => (timeout = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timeout);
      if (finished) {
        log.info("worker stopped", { workerId: id });
        return { abandoned: [] };
      }
      const abandoned = [...running.keys()];
      abandon.abort();
      log.warn("worker stopped with jobs still running; they run again when their lease ends", { workerId: id, abandoned });
      return { abandoned };
    },
  };
}
