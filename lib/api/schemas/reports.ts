import { z } from "zod";
import { idOf, nullableTimestamp, timestamp } from "./common";
import { decisionSchema } from "./decisions";
import { recommendationSchema } from "./recommendation";

// The v1 report resource and the `evaluation` summary the interview resource embeds.

export const reportStatusSchema = z
  .enum(["PENDING", "GENERATING", "READY", "FAILED"])
  .describe("PENDING: queued; GENERATING: being written; READY: complete; FAILED: see failureReason");

export { recommendationSchema };

const score = z.number().min(1).max(5).nullable().describe("1–5, or null when the interview gave nothing to judge it by");

export const evidenceSchema = z.object({
  quote: z.string().describe("The candidate's own words, verbatim from the transcript").meta({ example: "I led the migration of our billing system." }),
  turnNumber: z.number().int().describe("Transcript turn the quote comes from").meta({ example: 3 }),
});

export const scorecardCriterionSchema = z.object({
  key: z.string().meta({ example: "experience" }),
  label: z.string().meta({ example: "Relevant experience" }),
  weight: z.number().describe("Relative weight in the overall score").meta({ example: 2 }),
  score,
  rationale: z.string().describe("Why this score, in a few sentences"),
  evidence: z.array(evidenceSchema),
});

export const reportSchema = z.object({
  id: idOf("report", "rep_4kZr9QpXyT2mN8bVwL1cAe"),
  interviewId: idOf("interview", "int_7hG2kP9sQxW4mZ1nB8vR3c"),
  version: z.number().int().min(1).describe("Regenerating a report makes a new version"),
  status: reportStatusSchema,
  summary: z.string().nullable(),
  strengths: z.array(z.string()).nullable(),
  concerns: z.array(z.string()).nullable(),
  recommendation: recommendationSchema.nullable(),
  overallScore: z.number().min(0).max(100).nullable().describe("Weighted mean of the criteria scores on 0–100").meta({ example: 72.5 }),
  scorecard: z.object({ criteria: z.array(scorecardCriterionSchema) }).nullable(),
  droppedQuotes: z.number().int().min(0).describe("Quotes the model offered that were not in the transcript, and so were dropped"),
  model: z.string().nullable().meta({ example: "gpt-4o" }),
  promptVersion: z.string().nullable(),
  configVersion: z.number().int().nullable().describe("Version of the interview configuration the report was scored against"),
  failureReason: z.string().nullable(),
  generatedAt: nullableTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  decision: decisionSchema.nullable().describe("The interview's latest human decision (whichever report version it was made against)"),
});

export const evaluationSchema = z
  .object({
    overallScore: z.number().min(0).max(100).nullable(),
    recommendation: recommendationSchema,
    criteria: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number(), score })),
  })
  .nullable()
  .describe("Scores of the latest READY report; null until a report is ready");

export type ReportResource = z.infer<typeof reportSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;

export const reportParams = z.object({ reportId: idOf("report", "rep_4kZr9QpXyT2mN8bVwL1cAe") });
