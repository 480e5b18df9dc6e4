import type { InterviewConfig } from "@/db/interview-configs";
import { iso } from "@/lib/api/schemas/common";
import { type InterviewConfigResource, interviewConfigSchema } from "@/lib/api/schemas/interview-configs";

/** The v1 interview configuration; parsed so no column or stray JSON key can leak. */
export function serializeInterviewConfig(row: InterviewConfig): InterviewConfigResource {
  return interviewConfigSchema.parse({
    id: row.id,
    name: row.name,
    language: row.language,
    maxDurationMinutes: row.maxDurationMinutes,
    intro: row.intro,
    questions: row.questions,
    criteria: row.criteria,
    scoreBands: row.scoreBands,
    version: row.version,
    isDefault: row.isDefault,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  });
}
