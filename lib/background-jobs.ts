import { sweepConsoleSessions } from "./console-sessions/store";
import { sendEmailJob } from "./email/deliver";
import { sweepIdempotencyKeys } from "./idempotency/keys";
import { expireOverdueInterviews } from "./interviews/expiry";
import { foldInterviewStatusCounts } from "./interviews/stats";
import { sweepStaleListeners } from "./live/presence";
import { interruptedCheckJob } from "./livekit/interrupted";
import { sweepLiveKitWebhookEvents } from "./livekit/webhook-events";
import { queueCleanupTask } from "./queue/cleanup";
import { jobRegistry } from "./queue/define";
import type { PeriodicTask } from "./queue/types";
import { sweepRateLimitWindows } from "./rate-limit/window";
import { failAbandonedReportsTask } from "./reports/abandoned";
import { generateReportJob } from "./reports/job";
import { deliverWebhookJob } from "./webhooks/deliver";

// Everything Parley's workers run. Each job is defined (kind, payload schema, attempts, dedupe
// key, handler) beside its work with defineJob; this list is only which ones a worker runs.
// The entry points import it (lib/startup.ts for app processes, cli/worker.ts); lib/queue
// itself knows no business module.

// Scheduled work, shared by every process (each time slot is run by one of them).
export const periodicTasks: PeriodicTask[] = [
  queueCleanupTask,
  { name: "rate-limit-windows.sweep", everyMs: 60 * 60_000, run: sweepRateLimitWindows },
  { name: "idempotency-keys.sweep", everyMs: 60 * 60_000, run: sweepIdempotencyKeys },
  failAbandonedReportsTask,
  { name: "interviews.expire", everyMs: 60_000, run: async (db) => void (await expireOverdueInterviews(db)) },
  { name: "live-listeners.sweep", everyMs: 5 * 60_000, run: sweepStaleListeners },
  { name: "console-sessions.sweep", everyMs: 60 * 60_000, run: sweepConsoleSessions },
  { name: "interview-status-counts.fold", everyMs: 60_000, run: async (db) => void (await foldInterviewStatusCounts(db)) },
  { name: "livekit-webhook-events.sweep", everyMs: 60 * 60_000, run: sweepLiveKitWebhookEvents },
];

export const appJobs = jobRegistry([sendEmailJob, generateReportJob, deliverWebhookJob, interruptedCheckJob], periodicTasks);
