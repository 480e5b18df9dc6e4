import { z } from "zod";
import { idOf, paginationQuery, timestamp } from "./common";

export const MAX_STAGES = 20;

const stageInput = z.object({
  name: z.string().trim().min(1).max(100).meta({ example: "Screening interview" }),
  configId: idOf("config", "cfg_2bT7nQ4kW9xP1mL8vR3cZy")
    .nullish()
    .transform((v) => v ?? null)
    .describe("Interview configuration of this stage; null: the organisation's default"),
  generateReport: z.boolean().default(true).describe("Generate the AI report when an interview of this stage ends"),
});

export const createCampaignBody = z.object({
  jobId: idOf("job", "job_9aQ4mL2xV7nK1pR8tZ3wYb").describe("The job posting this campaign hires for"),
  name: z.string().trim().min(1).max(200).meta({ example: "Backend engineers, spring 2027" }),
  stages: z.array(stageInput).min(1).max(MAX_STAGES).describe(`Ordered stages, 1 to ${MAX_STAGES}`),
});

export const campaignListQuery = paginationQuery.extend({
  jobId: idOf("job").optional().describe("Only the campaigns of this job"),
});

export const stageSchema = z.object({
  id: idOf("stage", "stg_6rV1pN8qK3wZ9mT2xL4bYc"),
  name: z.string().meta({ example: "Screening interview" }),
  position: z.number().int().min(1).describe("1 for the first stage, in the order they were given"),
  configId: z.string().nullable(),
  generateReport: z.boolean(),
});

export const campaignSchema = z.object({
  id: idOf("campaign", "camp_8tK2wP5nQ1xV7mR4zL9cBd"),
  jobId: idOf("job", "job_9aQ4mL2xV7nK1pR8tZ3wYb"),
  name: z.string().meta({ example: "Backend engineers, spring 2027" }),
  stages: z.array(stageSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type CreateCampaignInput = z.output<typeof createCampaignBody>;
export type CampaignListQuery = z.output<typeof campaignListQuery>;
export type CampaignResource = z.infer<typeof campaignSchema>;
