import type { CandidateTurn } from "../invite-api";

/** The turns so far plus an answer's turns, each turn number once, in order: a replayed answer adds nothing. */
export function mergeTurns(known: CandidateTurn[], incoming: CandidateTurn[]): CandidateTurn[] {
  const byNumber = new Map(known.map((turn) => [turn.turnNumber, turn]));
  for (const turn of incoming) byNumber.set(turn.turnNumber, turn);
  return [...byNumber.values()].sort((a, b) => a.turnNumber - b.turnNumber);
}
