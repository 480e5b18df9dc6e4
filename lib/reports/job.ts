import { eq } from "drizzle-orm";
import { z } from "zod";
import { reports } from "@/db/reports";
import { systemCtx } from "../context";
import type { Db } from "../db/types";
import { env } from "../env";
import { isId } from "../ids";
import { defineJob } from "../queue/define";
import { type JobContext, PermanentJobError } from "../queue/types";
import { generateReport } from "./generate";

/**
 * Writes one report version. A report that ends FAILED also fails the job (after the report
 * row says why), so the failure shows among the organisation's failed jobs too.
 */
async function runReportGeneration(db: Db, { reportId }: { reportId: string }, job: JobContext): Promise<void> {
  // Enqueuers normally set the job's organisation; without it, the report row names it.
  let organizationId = job.organizationId;
  if (!organizationId) {
    const [row] = await db.select({ organizationId: reports.organizationId }).from(reports).where(eq(reports.id, reportId));
    if (!row) return;
    organizationId = row.organizationId;
  }
  const outcome = await generateReport(db, systemCtx(organizationId, job.kind), {
    reportId,
    attempt: job.attempt,
    maxAttempts: job.maxAttempts,
    signal: job.signal,
  });
  if (outcome.status === "FAILED") throw new PermanentJobError(outcome.reason);
}

/** Queued with each report version by createReportVersion (lib/reports/create-version.ts). */
export const generateReportJob = defineJob({
  kind: "report.generate",
  payload: z.object({ reportId: z.string().refine((v) => isId("report", v), "must be a report id") }),
  maxAttempts: 8,
  dedupe: ({ reportId }) => `report.generate:${reportId}`,
  // Claim no more report jobs than may call the model at once, so none holds a lease waiting.
  concurrency: () => env().REPORT_CONCURRENCY,
  run: runReportGeneration,
});
