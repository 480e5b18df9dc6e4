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
    questions: row.questions.map((q) => ({ id: q.id, text: q.text, followUps: q.followUps ?? [] })),
    criteria: row.criteria.map((c) => ({ key: c.key, label: c.label, weight: c.weight, anchors: c.anchors })),
    scoreBands: row.scoreBands,
    version: row.version,
    isDefault: row.isDefault,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  });
}
