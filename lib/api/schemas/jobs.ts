import { z } from "zod";
import { externalIdSchema } from "./candidates";
import { idOf, optionalText, paginationQuery, timestamp } from "./common";

export const createJobBody = z.object({
  title: z.string().trim().min(1).max(200).describe("Job title as candidates see it").meta({ example: "Senior Backend Engineer" }),
  description: optionalText(20_000).describe("Job description; the interviewer may refer to it").meta({ example: "Own our billing platform." }),
  location: optionalText(200).meta({ example: "Lyon, France (hybrid)" }),
  externalId: externalIdSchema.nullish().transform((v) => v ?? null),
});

export const jobListQuery = paginationQuery.extend({
  externalId: externalIdSchema.optional().describe("Only the job with this external id"),
});

export const jobSchema = z.object({
  id: idOf("job", "job_9aQ4mL2xV7nK1pR8tZ3wYb"),
  title: z.string().meta({ example: "Senior Backend Engineer" }),
  description: z.string().nullable(),
  location: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type CreateJobInput = z.output<typeof createJobBody>;
export type JobListQuery = z.output<typeof jobListQuery>;
export type JobResource = z.infer<typeof jobSchema>;
