import { z } from "zod";

const evidenceQuote = z.object({
  turnNumber: z.int().min(1).describe("The number of the candidate turn the quote comes from"),
  quote: z.string().describe("Words copied exactly from that candidate turn"),
});

/**
 * What the model must answer, as a zod schema: sent as a strict JSON schema and used again to
 * parse the answer. Built per report so the criterion keys are an enum of the configuration's
 * keys. There is no overall score or recommendation here on purpose: Parley computes both.
 */
export function reportOutputSchema(criterionKeys: readonly string[]) {
  const key = criterionKeys.length ? z.enum(criterionKeys as [string, ...string[]]) : z.string();
  return z.object({
    summary: z.string().describe("Three to five sentences on what the candidate said, in the interview's language"),
    strengths: z.array(z.string()).describe("Short points, each grounded in the transcript"),
    concerns: z.array(z.string()).describe("Short points, each grounded in the transcript"),
    criteria: z.array(
      z.object({
        key,
        score: z.int().min(1).max(5).nullable().describe("1 to 5 following the anchors, or null if the transcript does not allow a judgement"),
        rationale: z.string(),
        evidence: z.array(evidenceQuote),
      }),
    ),
  });
}

export type ReportOutput = z.output<ReturnType<typeof reportOutputSchema>>;
