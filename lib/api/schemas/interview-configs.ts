import { z } from "zod";
import { interviewConfigContentSchema } from "@/lib/interview-configs/schema";
import { idOf, paginationQuery, timestamp } from "./common";

export const interviewConfigListQuery = paginationQuery;

// The resource is the one configuration schema plus what the server keeps about it.
export const interviewConfigSchema = z.object({
  id: idOf("config", "cfg_2bT7nQ4kW9xP1mL8vR3cZy"),
  ...interviewConfigContentSchema.shape,
  version: z.number().int().min(1).describe("Bumped on every edit; reports record the version they were scored against"),
  isDefault: z.boolean().describe("Used when an interview names no configuration"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type InterviewConfigResource = z.infer<typeof interviewConfigSchema>;
