import { z } from "zod";

// The content of an interview configuration, defined once. The jsonb columns of
// interview_configs (and the snapshot every interview keeps) are typed from these schemas, the
// v1 API and the agent's history serve them, and whatever writes a configuration (the
// console's editor, the interviewer) validates with them. Parsing fills the defaults, so the
// parsed value (z.infer) is exactly what is stored and served.

export const SCORE_ANCHOR_KEYS = ["1", "2", "3", "4", "5"] as const;

const unique = <T>(items: T[], keyOf: (item: T) => string) => new Set(items.map(keyOf)).size === items.length;

export const interviewQuestionSchema = z.object({
  id: z.string().min(1).max(64).describe("Stable within the configuration; the agent reports it as `questionId`").meta({ example: "q1" }),
  text: z.string().min(1).max(2000).meta({ example: "Tell me about a recent project you are proud of." }),
  followUps: z.array(z.string().min(1).max(2000)).max(20).default([]).describe("Follow-up prompts the interviewer may use"),
});

export const scoringAnchorsSchema = z
  .partialRecord(z.enum(SCORE_ANCHOR_KEYS), z.string().min(1).max(1000))
  .describe("What a score of 1 to 5 looks like; not every score needs an anchor")
  .meta({ example: { "1": "No concrete example.", "5": "Specific examples with clear outcomes." } });

export const criterionSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,63}$/, "must be 1–64 lowercase letters, digits, `_` or `-`, starting with a letter")
    .describe("Names the criterion in per-turn evaluations and in the report's scorecard")
    .meta({ example: "experience" }),
  label: z.string().min(1).max(200).meta({ example: "Relevant experience" }),
  weight: z.number().positive().max(100).describe("Relative weight in the overall score").meta({ example: 2 }),
  anchors: scoringAnchorsSchema,
});

export const scoreBandsSchema = z
  .object({
    strongYes: z.number().min(0).max(100),
    yes: z.number().min(0).max(100),
    noDecision: z.number().min(0).max(100),
    no: z.number().min(0).max(100),
  })
  .refine((b) => b.strongYes >= b.yes && b.yes >= b.noDecision && b.noDecision >= b.no, {
    message: "bands must not increase from strongYes to no",
  })
  .describe("Lower bounds (0–100) of the overall score for each recommendation; below `no` is DEFINITELY_NO")
  .meta({ example: { strongYes: 85, yes: 70, noDecision: 50, no: 30 } });

export const interviewQuestionsSchema = z
  .array(interviewQuestionSchema)
  .min(1)
  .max(50)
  .refine((qs) => unique(qs, (q) => q.id), { message: "question ids must be unique" });

export const criteriaSchema = z
  .array(criterionSchema)
  .min(1)
  .max(20)
  .refine((cs) => unique(cs, (c) => c.key), { message: "criterion keys must be unique" });

/** Everything an author writes: what the interviewer says and asks, and how answers are scored. */
export const interviewConfigContentSchema = z.object({
  name: z.string().min(1).max(200).meta({ example: "Standard screening" }),
  language: z.string().min(2).max(35).describe("BCP 47 language of the interview").meta({ example: "en" }),
  maxDurationMinutes: z.number().int().min(1).max(240).meta({ example: 30 }),
  intro: z.string().min(1).max(4000).describe("What the interviewer says first"),
  questions: interviewQuestionsSchema,
  criteria: criteriaSchema,
  scoreBands: scoreBandsSchema,
});

export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;
export type ScoringAnchors = z.infer<typeof scoringAnchorsSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type ScoreBands = z.infer<typeof scoreBandsSchema>;
export type InterviewConfigContent = z.infer<typeof interviewConfigContentSchema>;
/** What an editor may send: follow-ups may be left out. */
export type InterviewConfigContentInput = z.input<typeof interviewConfigContentSchema>;
