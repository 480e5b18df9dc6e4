import type { ScoreBands } from "@/lib/interview-configs/schema";
import type { Recommendation, Scorecard } from "@/db/reports";
import { verifyEvidence } from "./evidence";
import type { ReportOutput } from "./model-output";
import { ADVISORY_NOTICE, type ReportInput } from "./prompt";
import { overallScore, recommendationFor } from "./scoring";

export type AssembledReport = {
  summary: string;
  strengths: string[];
  concerns: string[];
  scorecard: Scorecard;
  droppedQuotes: number;
  overallScore: number | null;
  recommendation: Recommendation;
};

/**
 * Turns a draft (the model's answer or the heuristic's) into the stored report: one scorecard
 * row per configured criterion, in the configuration's order, with its label and weight from
 * the configuration; quotes checked against the candidate's turns; the overall score and the
 * recommendation computed here from the configuration's weights and bands; the advisory notice
 * closing the summary.
 */
export function assembleReport(draft: ReportOutput, input: ReportInput, bands: ScoreBands): AssembledReport {
  let droppedQuotes = 0;
  const criteria = input.criteria.map((criterion) => {
    const answer = draft.criteria.find((c) => c.key === criterion.key);
    const { kept, dropped } = verifyEvidence(answer?.evidence ?? [], input.transcript);
    droppedQuotes += dropped;
    return {
      key: criterion.key,
      label: criterion.label,
      weight: criterion.weight,
      score: answer?.score ?? null,
      rationale: answer?.rationale.trim() || "Not assessed.",
      evidence: kept,
    };
  });
  const overall = overallScore(criteria);
  const summary = draft.summary.trim();
  return {
    summary: summary ? `${summary}\n\n${ADVISORY_NOTICE}` : ADVISORY_NOTICE,
    strengths: draft.strengths.map((s) => s.trim()).filter(Boolean),
    concerns: draft.concerns.map((s) => s.trim()).filter(Boolean),
    scorecard: { criteria },
    droppedQuotes,
    overallScore: overall,
    recommendation: recommendationFor(overall, bands),
  };
}
