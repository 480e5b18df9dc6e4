import { and, eq, sql } from "drizzle-orm";
import { campaignStages } from "@/db/campaign-stages";
import { interviews } from "@/db/interviews";
import { reports, type ReportStatus } from "@/db/reports";
import type { FinalizeInput, FinalizeOut } from "@/lib/api/schemas/agent";
import { recordAudit } from "@/lib/audit";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { invalidField, invalidState } from "@/lib/errors";
import { effectiveStatus } from "@/lib/interviews/status";
import { createReportVersion } from "@/lib/reports/create-version";
import { type LockedInterview, lockInterviewForTurns } from "@/lib/interviews/lock";
import { flagHumanRequested } from "@/lib/interviews/human-requested";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

// An agent's clock may run a little ahead of ours; more than this is a wrong endedAt.
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Closes the interview: COMPLETED, end time and recording, and (unless turned off) a PENDING
 * report queued for generation, all in one transaction. Idempotent: finalizing a completed
 * interview answers with what the first finalize stored and queues nothing.
 * `humanRequested` flags the interview first (lib/interviews/human-requested.ts), in the same
 * transaction. Only a started interview can be finalized: one nobody spoke in has nothing to report on,
 * and completing it would lock the candidate out of an interview they never had.
 */
export async function finalizeInterview(db: Db, ctx: Ctx, interviewId: string, input: FinalizeInput, now = new Date()): Promise<FinalizeOut> {
  return db.transaction(async (tx) => {
    const interview = await lockInterviewForTurns(tx, ctx, interviewId);
    const status = effectiveStatus(interview, now);
    if (status === "COMPLETED") return result(tx, ctx, interview);
    if (status !== "IN_PROGRESS") {
      throw invalidState(
        status === "DRAFT" || status === "INVITED"
          ? `The interview has not started (${status}): record a turn first, or cancel it.`
          : `The interview is ${status} and cannot be finalized.`,
      );
    }
    const endedAt = input.endedAt ?? now;
    if (interview.startedAt && endedAt < interview.startedAt) throw invalidField("endedAt", "must not be before the interview started");
    if (endedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) throw invalidField("endedAt", "must not be in the future");

    const generate = input.generateReport ?? (await stageGeneratesReport(tx, ctx, interview.stageId));
    const reportId = generate ? (await createReportVersion(tx, ctx, interviewId)).id : null;
    const [done] = await tx
      .update(interviews)
      .set({
        status: "COMPLETED",
        endedAt,
        audioUrl: input.audioUrl ?? interview.audioUrl,
        ...(reportId ? { reportId } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId)))
      .returning();
    if (input.humanRequested) await flagHumanRequested(tx, ctx, interviewId);
    await emitWebhookEvent(tx, {
      organizationId: ctx.organizationId,
      type: "interview.completed",
      data: { interviewId, status: "COMPLETED", endedAt: endedAt.toISOString(), reportId },
    });
    await recordAudit(tx, ctx, { action: "interview.completed", targetType: "interview", targetId: interviewId, data: { reportId } });
    return {
      id: interviewId,
      status: "COMPLETED",
      endedAt: endedAt.toISOString(),
      audioUrl: done!.audioUrl,
      reportId,
      reportStatus: reportId ? "PENDING" : null,
    };
  });
}

/** The stage decides by default; an interview outside any campaign gets its report. */
async function stageGeneratesReport(tx: Db, ctx: Ctx, stageId: string | null): Promise<boolean> {
  if (!stageId) return true;
  const [stage] = await tx
    .select({ generateReport: campaignStages.generateReport })
    .from(campaignStages)
    .where(and(eq(campaignStages.id, stageId), eq(campaignStages.organizationId, ctx.organizationId)));
  return stage?.generateReport ?? true;
}

async function result(tx: Db, ctx: Ctx, interview: LockedInterview): Promise<FinalizeOut> {
  let reportStatus: ReportStatus | null = null;
  if (interview.reportId) {
    const [report] = await tx
      .select({ status: reports.status })
      .from(reports)
      .where(and(eq(reports.id, interview.reportId), eq(reports.organizationId, ctx.organizationId)));
    reportStatus = report?.status ?? null;
  }
  return {
    id: interview.id,
    status: "COMPLETED",
    endedAt: interview.endedAt?.toISOString() ?? null,
    audioUrl: interview.audioUrl,
    reportId: interview.reportId,
    reportStatus,
  };
}
