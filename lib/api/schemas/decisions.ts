import { z } from "zod";
import { idOf, optionalText, timestamp } from "./common";
import { recommendationSchema } from "./recommendation";

// A person's hiring decision on an interview. The outcome is spelled like the API's other
// states (ADVANCE, REJECT, HOLD); the AI's recommendation stays advisory and is never changed.

export const decisionOutcomeSchema = z
  .enum(["ADVANCE", "REJECT", "HOLD"])
  .describe("ADVANCE: move the candidate on; REJECT: stop here; HOLD: decide later");

export const recordDecisionBody = z
  .object({
    outcome: decisionOutcomeSchema,
    agreesWithRecommendation: z
      .boolean()
      .describe("Whether this decision follows the report's recommendation. `false` requires a `reason`."),
    reason: optionalText(2000).describe("Why; required when the decision departs from the recommendation").meta({
      example: "Strong system design answers the scorer under-weighted.",
    }),
  })
  .superRefine((body, ctx) => {
    if (!body.agreesWithRecommendation && !body.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "is required when the decision departs from the recommendation" });
    }
  });
export type RecordDecisionInput = z.output<typeof recordDecisionBody>;

export const decisionSchema = z
  .object({
    id: idOf("decision", "dec_5Tq8wLm2Zp7Xk4Rv9Nb3Hc"),
    outcome: decisionOutcomeSchema,
    agreesWithRecommendation: z.boolean(),
    reason: z.string().nullable(),
    recommendation: recommendationSchema.nullable().describe("The report's recommendation when the decision was recorded"),
    reportId: z.string().nullable().describe("The report version the decision was made against"),
    decidedBy: z.object({
      type: z.enum(["user", "api_key", "system", "agent"]),
      id: z.string().nullable(),
      name: z.string().nullable().describe("The member's name, for a person"),
    }),
    decidedAt: timestamp,
  })
  .describe("The latest human decision; earlier ones are in the audit log");
export type DecisionOut = z.output<typeof decisionSchema>;
