import { appJobs } from "@/lib/background-jobs";
import type { Db } from "@/lib/db/types";
import { type DrainOptions, drainQueue } from "@/lib/queue/drain";

/** drainQueue with the application's own jobs and periodic tasks, as its workers run them. */
export const drainAppJobs = (db: Db, options: Partial<DrainOptions> = {}) => drainQueue(db, { ...appJobs, ...options });
