import type { Report } from "@/db/reports";
import { type Evaluation, evaluationSchema, type ReportResource, reportSchema } from "@/lib/api/schemas/reports";
import { iso } from "@/lib/api/schemas/common";
import type { DecisionOut } from "@/lib/api/schemas/decisions";

/** The v1 report resource; parsed so no column it does not name can leak. */
export function serializeReport(report: Report, decision: DecisionOut | null): ReportResource {
  return reportSchema.parse({
    id: report.id,
    interviewId: report.interviewId,
    version: report.version,
    status: report.status,
    summary: report.summary,
    strengths: report.strengths,
    concerns: report.concerns,
    recommendation: report.recommendation,
    overallScore: report.overallScore,
    scorecard: report.scorecard
      ? {
          criteria: report.scorecard.criteria.map((c) => ({
            key: c.key,
            label: c.label,
            weight: c.weight,
            score: c.score,
            rationale: c.rationale,
            evidence: c.evidence.map((e) => ({ quote: e.quote, turnNumber: e.turnNumber })),
          })),
        }
      : null,
    droppedQuotes: report.droppedQuotes,
    model: report.model,
    promptVersion: report.promptVersion,
    configVersion: report.configVersion,
    failureReason: report.failureReason,
    generatedAt: iso(report.generatedAt),
    createdAt: iso(report.createdAt),
    updatedAt: iso(report.updatedAt),
    decision,
  });
}

/**
 * The interview resource's `evaluation`: scores only, from a READY report. Anything else
 * (no report yet, still generating, failed) is null, so a client never reads half a result.
 */
export function evaluationFromReport(report: Report | null | undefined): Evaluation {
  if (!report || report.status !== "READY") return null;
  return evaluationSchema.parse({
    overallScore: report.overallScore,
    recommendation: report.recommendation ?? "NO_DECISION",
    criteria: (report.scorecard?.criteria ?? []).map((c) => ({ key: c.key, label: c.label, weight: c.weight, score: c.score })),
  });
}
