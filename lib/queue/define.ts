import type { z } from "zod";
import type { Db } from "../db/types";
import { enqueueJob } from "./enqueue";
import { type JobContext, type JobHandler, type KindConcurrency, PermanentJobError, type PeriodicTask } from "./types";

/** A payload is a JSON object; its schema must accept its own output (it is parsed again at run). */
export type PayloadSchema = z.ZodType<Record<string, unknown>>;

/**
 * One kind of background job, defined once beside the work it does: the kind stored in
 * background_jobs.kind, the payload's schema (checked when the job is queued and again when it
 * runs), its attempts, its dedupe key, and what runs it.
 */
export type JobDefinition<S extends PayloadSchema = PayloadSchema> = {
  readonly kind: string;
  readonly payload: S;
  readonly maxAttempts: number;
  /** The same logical work queued twice (a retried request) collapses onto the first job. */
  readonly dedupe: ((payload: z.output<S>) => string) | null;
  /** The most jobs of this kind one process runs at once; read when the worker starts. */
  readonly concurrency: (() => number) | null;
  readonly run: (db: Db, payload: z.output<S>, job: JobContext) => Promise<void>;
  /** What the queue calls: checks the stored payload, then runs. */
  readonly handler: JobHandler;
};

/** A payload its job's schema refuses: a bug in the caller, so the caller's transaction fails. */
export class JobPayloadError extends Error {
  constructor(kind: string, error: z.ZodError) {
    super(`Invalid payload for job "${kind}": ${describeIssues(error)}`);
    this.name = "JobPayloadError";
  }
}

const describeIssues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.length ? i.path.join(".") : "payload"}: ${i.message}`).join("; ");

export function defineJob<S extends PayloadSchema>(definition: {
  kind: string;
  payload: S;
  maxAttempts: number;
  dedupe?: (payload: z.output<S>) => string;
  concurrency?: () => number;
  run: (db: Db, payload: z.output<S>, job: JobContext) => Promise<void>;
}): JobDefinition<S> {
  const { kind, payload, run } = definition;
  if (!Number.isInteger(definition.maxAttempts) || definition.maxAttempts < 1) throw new Error(`Job "${kind}": maxAttempts must be a whole number of at least 1.`);
  return {
    kind,
    payload,
    maxAttempts: definition.maxAttempts,
    dedupe: definition.dedupe ?? null,
    concurrency: definition.concurrency ?? null,
    run,
    handler: async (db, job) => {
      const parsed = payload.safeParse(job.payload);
      // Waiting does not mend a payload: fail at once, saying what is wrong with it.
      if (!parsed.success) throw new PermanentJobError(new JobPayloadError(kind, parsed.error).message);
      await run(db, parsed.data, job);
    },
  };
}

/**
 * Queues a job of this definition. Call it inside the transaction that makes the work
 * necessary, so the job exists exactly when the write does. A payload the schema refuses
 * throws JobPayloadError and queues nothing.
 */
export async function enqueue<S extends PayloadSchema>(
  db: Db,
  job: JobDefinition<S>,
  payload: z.input<S>,
  options: { organizationId: string | null; runAt?: Date },
): Promise<{ id: string; created: boolean }> {
  const parsed = job.payload.safeParse(payload);
  if (!parsed.success) throw new JobPayloadError(job.kind, parsed.error);
  return enqueueJob(db, {
    kind: job.kind,
    payload: parsed.data,
    organizationId: options.organizationId,
    runAt: options.runAt,
    maxAttempts: job.maxAttempts,
    dedupeKey: job.dedupe?.(parsed.data),
  });
}

/** What a worker (or drainQueue) runs: handlers by kind, per-kind caps, periodic tasks. */
export type JobRegistry = { handlers: Record<string, JobHandler>; kindConcurrency: KindConcurrency; periodicTasks: PeriodicTask[] };

/** Builds a worker's registry from job definitions; a kind defined twice is a mistake caught at start. */
export function jobRegistry(jobs: Pick<JobDefinition, "kind" | "handler" | "concurrency">[], periodicTasks: PeriodicTask[] = []): JobRegistry {
  const handlers: Record<string, JobHandler> = {};
  const kindConcurrency: KindConcurrency = {};
  for (const job of jobs) {
    if (handlers[job.kind]) throw new Error(`Job kind "${job.kind}" is registered twice.`);
    handlers[job.kind] = job.handler;
    if (job.concurrency) kindConcurrency[job.kind] = job.concurrency;
  }
  const names = periodicTasks.map((t) => t.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`Periodic task "${twice}" is registered twice.`);
  return { handlers, kindConcurrency, periodicTasks };
}
