import { and, eq } from "drizzle-orm";
import { interviewDecisions } from "@/db/interview-decisions";
import { reports } from "@/db/reports";
import type { DecisionOut, RecordDecisionInput } from "@/lib/api/schemas/decisions";
import { inOrg } from "@/lib/db/in-org";
import { recordAudit } from "../audit";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { AppError, invalidField, invalidState } from "../errors";
import { newId } from "../ids";
import { lockInterviewForUpdate } from "../interviews/lock";
import { effectiveStatus } from "../interviews/status";
import { emitWebhookEvent } from "../webhooks/emit";
import { getDecision } from "./read";

/**
 * Records a person's decision on a COMPLETED interview, beside its report (never in it).
 * Deciding again adds a newer decision; the audit log keeps every one. A viewer cannot decide.
 */
export async function recordDecision(db: Db, ctx: Ctx, interviewId: string, input: RecordDecisionInput): Promise<DecisionOut> {
  if (ctx.actor.type === "user" && ctx.actor.role === "viewer") {
    throw new AppError("forbidden", "Your role can read but not record a decision.");
  }
  const id = newId("decision");
  const decidedAt = new Date();
  await db.transaction(async (tx) => {
    const interview = await lockInterviewForUpdate(tx, ctx, interviewId);
    const status = effectiveStatus(interview);
    if (status !== "COMPLETED") throw invalidState(`This interview is ${status}; a decision is recorded once it is COMPLETED.`);
    const report = interview.reportId
      ? (
          await tx
            .select({ id: reports.id, status: reports.status, recommendation: reports.recommendation })
            .from(reports)
            .where(and(eq(reports.id, interview.reportId), inOrg(reports, ctx)))
        )[0]
      : undefined;
    const recommendation = report?.status === "READY" ? (report.recommendation ?? null) : null;
    if (input.agreesWithRecommendation && !recommendation) {
      throw invalidField("agreesWithRecommendation", "cannot be true: the report is not ready, so there is no recommendation to agree with");
    }
    await tx.insert(interviewDecisions).values({
      id,
      organizationId: ctx.organizationId,
      interviewId,
      outcome: input.outcome,
      agreesWithRecommendation: input.agreesWithRecommendation,
      reason: input.reason,
      reportId: report?.id ?? null,
      recommendation,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id ?? null,
      createdAt: decidedAt,
    });
    const data = { decisionId: id, outcome: input.outcome, agreesWithRecommendation: input.agreesWithRecommendation, recommendation, reportId: report?.id ?? null };
    await recordAudit(tx, ctx, { action: "decision.recorded", targetType: "interview", targetId: interviewId, data: { ...data, reason: input.reason } });
    // The reason stays out of the webhook: integrators read it with their key, like other details.
    await emitWebhookEvent(tx, {
      organizationId: ctx.organizationId,
      type: "interview.decision_recorded",
      data: { interviewId, ...data, decidedAt: decidedAt.toISOString() },
    });
  });
  const decision = await getDecision(db, ctx, interviewId);
  if (!decision) throw new Error(`decision ${id} not found after insert`);
  return decision;
}
