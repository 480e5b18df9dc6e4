import { deliverEmailJob } from "../email/deliver";
import { sweepIdempotencyKeys } from "../idempotency/keys";
import { expireOverdueInterviews } from "../interviews/expiry";
import { sweepStaleListeners } from "../live/presence";
import { sweepRateLimitWindows } from "../rate-limit/window";
import { env } from "../env";
import { failAbandonedReportsTask } from "../reports/abandoned";
import { reportGenerateHandler } from "../reports/handler";
import { webhookDeliverHandler } from "../webhooks/deliver";
import { queueCleanupTask } from "./cleanup";
import type { JobHandler, KindConcurrency, PeriodicTask } from "./types";

// Every kind of background job and what runs it. One line per kind; the owner of the
// handler adds it here when the handler exists.
export const jobHandlers: Record<string, JobHandler> = {
  "email.send": deliverEmailJob,
  "report.generate": reportGenerateHandler,
  "webhook.deliver": webhookDeliverHandler,
};

// Optional: the most jobs of a kind one process runs at once (within WORKER_CONCURRENCY), e.g.
// to bound calls to the model: "report.generate": () => env().SOME_SETTING. Read at worker start.
export const jobConcurrency: KindConcurrency = {
  // Claim no more report jobs than may call the model at once, so none holds a lease waiting.
  "report.generate": () => env().REPORT_CONCURRENCY,
};

// Scheduled work, shared by every process (each time slot is run by one of them).
export const periodicTasks: PeriodicTask[] = [
  queueCleanupTask,
  { name: "rate-limit-windows.sweep", everyMs: 60 * 60_000, run: sweepRateLimitWindows },
  { name: "idempotency-keys.sweep", everyMs: 60 * 60_000, run: sweepIdempotencyKeys },
  failAbandonedReportsTask,
  { name: "interviews.expire", everyMs: 60_000, run: async (db) => void (await expireOverdueInterviews(db)) },
  { name: "live-listeners.sweep", everyMs: 5 * 60_000, run: sweepStaleListeners },
];
