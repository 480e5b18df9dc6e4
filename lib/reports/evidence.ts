import type { EvidenceQuote } from "@/db/reports";

export type TranscriptTurn = { turnNumber: number; role: "agent" | "candidate"; content: string };

/** Lower case, every run of whitespace one space: how quotes and turns are compared. */
export function normaliseForQuote(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Keeps only the quotes that are really in what the candidate said: the turn it names must be
 * a candidate turn whose content contains the quote (whitespace and case aside). A quote from
 * the interviewer, from another turn or made up is dropped, and counted so a reader can see
 * how often the model strayed; it is never shown.
 */
export function verifyEvidence(
  evidence: readonly EvidenceQuote[],
  turns: readonly TranscriptTurn[],
): { kept: EvidenceQuote[]; dropped: number } {
  const candidateTurns = new Map(turns.filter((t) => t.role === "candidate").map((t) => [t.turnNumber, normaliseForQuote(t.content)]));
  const kept: EvidenceQuote[] = [];
  let dropped = 0;
  for (const item of evidence) {
    const quote = item.quote.replace(/\s+/g, " ").trim();
    const content = candidateTurns.get(item.turnNumber);
    if (quote && content?.includes(normaliseForQuote(quote))) kept.push({ turnNumber: item.turnNumber, quote });
    else dropped += 1;
  }
  return { kept, dropped };
}
