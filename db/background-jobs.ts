import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, ts, updatedAt } from "./columns";
import { organizations } from "./organizations";

export const backgroundJobStatus = pgEnum("background_job_status", ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"]);

// Durable work done after a response (reports, e-mails, webhooks, sweeps). Claimed with
// FOR UPDATE SKIP LOCKED; a RUNNING job whose lease has lapsed is claimed again.
export const backgroundJobs = pgTable(
  "background_jobs",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: backgroundJobStatus("status").notNull().default("QUEUED"),
    runAt: ts("run_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    lockedBy: text("locked_by"),
    lockedUntil: ts("locked_until"),
    lastError: text("last_error"),
    // Enqueueing the same logical work twice (a retried finalize, say) collapses onto one job.
    dedupeKey: text("dedupe_key"),
    finishedAt: ts("finished_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Worker claim: due queued jobs in run_at order.
    index("background_jobs_due_idx")
      .on(t.runAt)
      .where(sql`${t.status} = 'QUEUED'`),
    // Worker claim: running jobs whose lease has lapsed (their process died).
    index("background_jobs_lease_idx")
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'RUNNING'`),
    uniqueIndex("background_jobs_dedupe_key").on(t.dedupeKey),
    // Console: failed jobs of an organisation.
    index("background_jobs_org_status_idx").on(t.organizationId, t.status),
  ],
);

export type BackgroundJob = typeof backgroundJobs.$inferSelect;
