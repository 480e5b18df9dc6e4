import { sql } from "drizzle-orm";
import { backgroundJobs } from "@/db/background-jobs";
import type { Db } from "../db/types";
import { newId } from "../ids";

/** Workers LISTEN here; every enqueue NOTIFYs it so a new job starts without waiting for a poll. */
export const JOBS_CHANNEL = "parley_jobs";

export type EnqueueInput = {
  /** Which handler runs it, e.g. "email.send", "report.generate", "webhook.deliver". */
  kind: string;
  payload: Record<string, unknown>;
  organizationId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  /** The same logical work enqueued twice (a retried request) collapses onto one job. */
  dedupeKey?: string;
};

/**
 * The untyped insert under `enqueue` (lib/queue/define.ts), which application code uses: it
 * checks the payload against the job's schema and takes attempts and dedupe key from the
 * definition. Here only the queue itself (periodic jobs) and its tests call this directly.
 */
export async function enqueueJob(db: Db, input: EnqueueInput): Promise<{ id: string; created: boolean }> {
  const id = newId("backgroundJob");
  const inserted = await db
    .insert(backgroundJobs)
    .values({
      id,
      kind: input.kind,
      payload: input.payload,
      organizationId: input.organizationId ?? null,
      runAt: input.runAt ?? sql`now()`,
      maxAttempts: input.maxAttempts ?? 8,
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: backgroundJobs.dedupeKey })
    .returning({ id: backgroundJobs.id });
  if (inserted[0]) {
    // Inside the caller's transaction the notification is held until commit, so no worker
    // wakes for a job it cannot see yet (or that was rolled back).
    if (!input.runAt || input.runAt.getTime() <= Date.now()) {
      await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${input.kind})`);
    }
    return { id: inserted[0].id, created: true };
  }
  const [existing] = await db
    .select({ id: backgroundJobs.id })
    .from(backgroundJobs)
    .where(sql`${backgroundJobs.dedupeKey} = ${input.dedupeKey ?? null}`);
  return { id: existing!.id, created: false };
}
