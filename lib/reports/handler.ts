import { eq } from "drizzle-orm";
import { z } from "zod";
import { reports } from "@/db/reports";
import { systemCtx } from "../context";
import { isId } from "../ids";
import { PermanentJobError, type JobHandler } from "../queue/types";
import { generateReport } from "./generate";

const payloadSchema = z.object({ reportId: z.string().refine((v) => isId("report", v)) });

/**
 * "report.generate" {reportId}. A report that ends FAILED also fails the job (after the
 * report row says why), so the failure shows among the organisation's failed jobs too.
 */
export const reportGenerateHandler: JobHandler = async (db, job) => {
  const payload = payloadSchema.safeParse(job.payload);
  if (!payload.success) throw new PermanentJobError("report.generate needs {reportId}");
  const { reportId } = payload.data;
  // Enqueuers normally set the job's organisation; without it, the report row names it.
  let organizationId = job.organizationId;
  if (!organizationId) {
    const [row] = await db.select({ organizationId: reports.organizationId }).from(reports).where(eq(reports.id, reportId));
    if (!row) return;
    organizationId = row.organizationId;
  }
  const outcome = await generateReport(db, systemCtx(organizationId, "report.generate"), {
    reportId,
    attempt: job.attempt,
    maxAttempts: job.maxAttempts,
    signal: job.signal,
  });
  if (outcome.status === "FAILED") throw new PermanentJobError(outcome.reason);
};
