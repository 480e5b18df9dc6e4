import type { EvidenceQuote } from "@/db/reports";
import type { ReportOutput } from "./model-output";
import type { ReportInput } from "./prompt";

/** Stored as the report's model when no model is configured. */
export const HEURISTIC_MODEL = "heuristic-v1";

const MAX_EVIDENCE_TURNS = 2;
const MAX_QUOTE_WORDS = 40;

/**
 * The agent's rating of one criterion in one turn's evaluation, if it is a number from 1 to 5.
 * The documented shape is `{ criteria: { <criterion key>: 1–5 } }`; `scores` is read as an alias
 * because early agent builds sent that name.
 */
function ratingOf(evaluation: Record<string, unknown>, key: string): number | null {
  const criteria = evaluation.criteria ?? evaluation.scores;
  if (!criteria || typeof criteria !== "object") return null;
  const value = (criteria as Record<string, unknown>)[key];
  return typeof value === "number" && Number.isFinite(value) && value >= 1 && value <= 5 ? value : null;
}

/**
 * A sentence the candidate really said: the first of at least five words (the longest if none
 * is), cut to its first 40 words. Words are re-joined with single spaces, which the quote
 * check ignores, so the quote always passes it.
 */
export function quotableSentence(content: string): string {
  const sentences = content
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0);
  if (!sentences.length) return "";
  const chosen = sentences.find((words) => words.length >= 5) ?? sentences.reduce((a, b) => (b.length > a.length ? b : a));
  return chosen.slice(0, MAX_QUOTE_WORDS).join(" ");
}

/**
 * Deterministic report without a language model (docs/reports.md, "heuristic-v1"): each
 * criterion's score is the mean of the agent's per-turn ratings of it, rounded half up;
 * evidence is a sentence from each of the (at most two) best-rated candidate turns.
 */
export function heuristicDraft(input: ReportInput): ReportOutput {
  const candidateTurns = input.transcript.filter((t) => t.role === "candidate" && t.content.trim());
  const evaluations = new Map(input.evaluations.map((e) => [e.turnNumber, e.evaluation]));

  const criteria = input.criteria.map((criterion) => {
    const rated = candidateTurns.flatMap((turn) => {
      const rating = ratingOf(evaluations.get(turn.turnNumber) ?? {}, criterion.key);
      return rating === null ? [] : [{ turn, rating }];
    });
    if (!rated.length) {
      return { key: criterion.key, score: null, rationale: "No per-turn rating of this criterion was recorded: not assessable.", evidence: [] };
    }
    const mean = rated.reduce((s, r) => s + r.rating, 0) / rated.length;
    const score = Math.min(5, Math.max(1, Math.floor(mean + 0.5)));
    const evidence: EvidenceQuote[] = [...rated]
      .sort((a, b) => b.rating - a.rating || a.turn.turnNumber - b.turn.turnNumber)
      .slice(0, MAX_EVIDENCE_TURNS)
      .map((r) => ({ turnNumber: r.turn.turnNumber, quote: quotableSentence(r.turn.content) }))
      .filter((e) => e.quote);
    const turnList = rated.map((r) => r.turn.turnNumber).join(", ");
    return {
      key: criterion.key,
      score,
      rationale: `Mean of ${rated.length} per-turn rating(s) by the interview agent (turns ${turnList}): ${mean.toFixed(2)}, rounded to ${score}.`,
      evidence,
    };
  });

  const words = candidateTurns.reduce((n, t) => n + t.content.trim().split(/\s+/).length, 0);
  const scored = criteria.filter((c) => c.score !== null).length;
  const label = (key: string) => input.criteria.find((c) => c.key === key)?.label ?? key;
  return {
    summary:
      `Generated without a language model (${HEURISTIC_MODEL}) from the interview agent's per-turn ratings. ` +
      `The candidate gave ${candidateTurns.length} answer(s), ${words} words in all; ${scored} of ${criteria.length} criteria could be rated.`,
    strengths: criteria.filter((c) => c.score !== null && c.score >= 4).map((c) => `${label(c.key)}: rated ${c.score} of 5.`),
    concerns: [
      ...criteria.filter((c) => c.score !== null && c.score <= 2).map((c) => `${label(c.key)}: rated ${c.score} of 5.`),
      ...criteria.filter((c) => c.score === null).map((c) => `${label(c.key)}: not assessed in this interview.`),
    ],
    criteria,
  };
}
