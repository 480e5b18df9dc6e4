import { z } from "zod";
import { externalIdSchema } from "./candidates";
import { idOf, nullableTimestamp, optionalText, paginationQuery, timestamp } from "./common";

export const createJobBody = z.object({
  title: z.string().trim().min(1).max(200).describe("Job title as candidates see it").meta({ example: "Senior Backend Engineer" }),
  description: optionalText(20_000).describe("Job description; the interviewer may refer to it").meta({ example: "Own our billing platform." }),
  location: optionalText(200).meta({ example: "Lyon, France (hybrid)" }),
  externalId: externalIdSchema.nullish().transform((v) => v ?? null),
});

/**
 * A partial update: only the fields sent change; `null` clears an optional one. `archived`
 * archives (true) or restores (false) the job, like DELETE does for the former.
 */
export const updateJobBody = z.object({
  title: createJobBody.shape.title.optional(),
  description: z.string().trim().max(20_000).nullable().optional().describe("Job description; null clears it"),
  location: z.string().trim().max(200).nullable().optional(),
  externalId: externalIdSchema.nullable().optional(),
  archived: z.boolean().optional().describe("true archives the job (it leaves the default lists and pickers; its interviews stay), false restores it"),
});

// Archived jobs are out of the default list: an applicant tracker syncing its open postings and
// the console's pickers see active jobs only. A lookup by externalId finds the job either way,
// since that id stays taken (a 409 on create) while the job is archived.
export const jobListQuery = paginationQuery.extend({
  externalId: externalIdSchema.optional().describe("Only the job with this external id (active or archived unless `archived` says otherwise)"),
  archived: z
    .enum(["false", "true", "all"])
    .optional()
    .describe("`false`: active jobs only (the default without `externalId`); `true`: archived jobs only; `all`: both (the default with `externalId`)"),
});

export const jobSchema = z.object({
  id: idOf("job", "job_9aQ4mL2xV7nK1pR8tZ3wYb"),
  title: z.string().meta({ example: "Senior Backend Engineer" }),
  description: z.string().nullable(),
  location: z.string().nullable(),
  externalId: z.string().nullable(),
  archivedAt: nullableTimestamp.describe("When the job was archived; null while it is active"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type CreateJobInput = z.output<typeof createJobBody>;
export type UpdateJobInput = z.output<typeof updateJobBody>;
export type JobListQuery = z.output<typeof jobListQuery>;
export type JobResource = z.infer<typeof jobSchema>;
