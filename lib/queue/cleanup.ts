import { sql } from "drizzle-orm";
import { backgroundJobs } from "@/db/background-jobs";
import type { Db } from "../db/types";
import { log } from "../log";
import type { PeriodicTask } from "./types";

// Finished jobs are kept for a while so they can be inspected (FAILED ones longer), then
// deleted, so that periodic runs and delivered e-mails do not pile up in background_jobs.
export const KEEP_SUCCEEDED_DAYS = 7;
export const KEEP_FAILED_DAYS = 30;
const BATCH = 1000;

/** Deletes finished jobs past their keeping time, in small batches (short row locks). */
export async function deleteFinishedJobs(
  db: Db,
  keep: { succeededDays?: number; failedDays?: number } = {},
): Promise<number> {
  const succeededDays = keep.succeededDays ?? KEEP_SUCCEEDED_DAYS;
  const failedDays = keep.failedDays ?? KEEP_FAILED_DAYS;
  const j = backgroundJobs;
  let deleted = 0;
  for (;;) {
    const rows = await db
      .delete(j)
      .where(
        sql`${j.id} = any(array(
          select ${j.id} from ${j}
          where (${j.status} = 'SUCCEEDED' and ${j.finishedAt} < now() - make_interval(days => ${succeededDays}))
             or (${j.status} = 'FAILED' and ${j.finishedAt} < now() - make_interval(days => ${failedDays}))
          limit ${BATCH}))`,
      )
      .returning({ id: j.id });
    deleted += rows.length;
    if (rows.length < BATCH) return deleted;
  }
}

export const queueCleanupTask: PeriodicTask = {
  name: "queue.cleanup",
  everyMs: 60 * 60_000,
  async run(db) {
    const deleted = await deleteFinishedJobs(db);
    if (deleted > 0) log.info("deleted finished background jobs", { deleted });
  },
};
