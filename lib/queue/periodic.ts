import type { Db } from "../db/types";
import { enqueueJob } from "./enqueue";
import type { JobHandler, PeriodicTask } from "./types";

// A periodic task runs as an ordinary job whose dedupe key names its time slot. Every
// process enqueues the current slot of every task; the unique dedupe key lets exactly one of
// those inserts through, and the claim lets exactly one process run it. Retries, FAILED rows
// and the clean-up of old rows come with it.

export const PERIODIC_KIND_PREFIX = "periodic:";
const PERIODIC_MAX_ATTEMPTS = 3;

export const periodicKind = (name: string) => `${PERIODIC_KIND_PREFIX}${name}`;

/** Slots are aligned to the Unix epoch: a daily task's slot is a UTC day. */
export const periodicSlot = (task: PeriodicTask, nowMs: number) => Math.floor(nowMs / task.everyMs);

/**
 * Enqueues the current slot of each task not yet enqueued by this process (`enqueued`
 * remembers, so a process inserts once per slot, not once per poll). Returns how many jobs
 * this call created; the others were there already.
 */
export async function enqueuePeriodicJobs(
  db: Db,
  tasks: PeriodicTask[],
  nowMs: number = Date.now(),
  enqueued: Map<string, number> = new Map(),
): Promise<number> {
  let created = 0;
  for (const task of tasks) {
    const slot = periodicSlot(task, nowMs);
    if (enqueued.get(task.name) === slot) continue;
    const result = await enqueueJob(db, {
      kind: periodicKind(task.name),
      payload: { task: task.name, slot, slotStart: new Date(slot * task.everyMs).toISOString() },
      maxAttempts: PERIODIC_MAX_ATTEMPTS,
      dedupeKey: `periodic:${task.name}:${slot}`,
    });
    enqueued.set(task.name, slot);
    if (result.created) created++;
  }
  return created;
}

/** The handler of a `periodic:<name>` job, or undefined for a task this process does not know. */
export function periodicHandler(tasks: PeriodicTask[], kind: string): JobHandler | undefined {
  const name = kind.slice(PERIODIC_KIND_PREFIX.length);
  const task = tasks.find((t) => t.name === name);
  return task && ((db) => task.run(db));
}
