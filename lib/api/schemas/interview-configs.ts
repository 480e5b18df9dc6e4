import { z } from "zod";
import { paginationQuery } from "@/lib/http/pagination";
import { idOf, timestamp } from "./common";

export const interviewConfigListQuery = paginationQuery;

const questionSchema = z.object({
  id: z.string().meta({ example: "q1" }),
  text: z.string().meta({ example: "Tell me about a recent project you are proud of." }),
  followUps: z.array(z.string()).describe("Follow-up prompts the interviewer may use"),
});

const criterionSchema = z.object({
  key: z.string().meta({ example: "experience" }),
  label: z.string().meta({ example: "Relevant experience" }),
  weight: z.number().describe("Relative weight in the overall score").meta({ example: 2 }),
  anchors: z
    .partialRecord(z.enum(["1", "2", "3", "4", "5"]), z.string())
    .describe("What a score of 1 to 5 looks like; not every score needs an anchor")
    .meta({ example: { "1": "No concrete example.", "5": "Specific examples with clear outcomes." } }),
});

export const scoreBandsSchema = z
  .object({ strongYes: z.number(), yes: z.number(), noDecision: z.number(), no: z.number() })
  .describe("Lower bounds (0–100) of the overall score for each recommendation; below `no` is DEFINITELY_NO")
  .meta({ example: { strongYes: 85, yes: 70, noDecision: 50, no: 30 } });

export const interviewConfigSchema = z.object({
  id: idOf("config", "cfg_2bT7nQ4kW9xP1mL8vR3cZy"),
  name: z.string().meta({ example: "Standard screening" }),
  language: z.string().describe("BCP 47 language of the interview").meta({ example: "en" }),
  maxDurationMinutes: z.number().int().meta({ example: 30 }),
  intro: z.string().describe("What the interviewer says first"),
  questions: z.array(questionSchema),
  criteria: z.array(criterionSchema),
  scoreBands: scoreBandsSchema,
  version: z.number().int().min(1).describe("Bumped on every edit; reports record the version they were scored against"),
  isDefault: z.boolean().describe("Used when an interview names no configuration"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type InterviewConfigResource = z.infer<typeof interviewConfigSchema>;
