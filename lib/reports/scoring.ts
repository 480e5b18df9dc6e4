import type { ScoreBands } from "@/lib/interview-configs/schema";
import type { Recommendation } from "@/db/reports";

/**
 * Criteria are scored 1–5. The overall score is Parley's, never the model's: the weighted mean
 * of the scored criteria mapped onto 0–100 (1 → 0, 5 → 100). Unscored criteria are left out.
 */
export function overallScore(criteria: { weight: number; score: number | null }[]): number | null {
  const scored = criteria.filter((c): c is { weight: number; score: number } => c.score !== null && c.weight > 0);
  const weight = scored.reduce((s, c) => s + c.weight, 0);
  if (weight === 0) return null;
  const mean = scored.reduce((s, c) => s + c.weight * c.score, 0) / weight;
  return Math.round(((mean - 1) / 4) * 1000) / 10;
}

/** The configuration's bands are lower bounds; below `no` is DEFINITELY_NO. */
export function recommendationFor(score: number | null, bands: ScoreBands): Recommendation {
  if (score === null) return "NO_DECISION";
  if (score >= bands.strongYes) return "STRONG_YES";
  if (score >= bands.yes) return "YES";
  if (score >= bands.noDecision) return "NO_DECISION";
  if (score >= bands.no) return "NO";
  return "DEFINITELY_NO";
}
