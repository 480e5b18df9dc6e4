import type { Job } from "@/db/jobs";
import { iso } from "@/lib/api/schemas/common";
import { type JobResource, jobSchema } from "@/lib/api/schemas/jobs";

/** The v1 job resource; parsed so no column it does not name can leak. */
export function serializeJob(row: Job): JobResource {
  return jobSchema.parse({
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    externalId: row.externalId,
    archivedAt: iso(row.archivedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  });
}
