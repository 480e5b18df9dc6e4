import { backgroundJobStatus } from "@/db/background-jobs";
import { getDb } from "@/lib/db/client";
import { countJobs, listJobs, retryFailedJob } from "@/lib/queue/inspect";
import { optional, required, UsageError } from "../args";
import type { Run } from "../command";

const STATUSES = backgroundJobStatus.enumValues;

export const listJobsCommand: Run = async (flags) => {
  const status = optional(flags, "status")?.toUpperCase();
  if (status && !STATUSES.includes(status as (typeof STATUSES)[number])) throw new UsageError(`--status must be one of ${STATUSES.join(", ")}.`);
  const limit = Number(optional(flags, "limit") ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError("--limit must be a whole number from 1 to 1000.");
  const jobs = await listJobs(await getDb(), {
    status: status as (typeof STATUSES)[number] | undefined,
    kind: optional(flags, "kind"),
    organizationId: optional(flags, "org"),
    limit,
  });
  return { jobs };
};

export const jobStatsCommand: Run = async () => ({ counts: await countJobs(await getDb()) });

export const retryJobCommand: Run = async (flags) => ({ job: await retryFailedJob(await getDb(), required(flags, "id")) });
