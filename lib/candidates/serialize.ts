import type { Candidate } from "@/db/candidates";
import { type CandidateResource, candidateSchema } from "@/lib/api/schemas/candidates";
import { iso } from "@/lib/api/schemas/common";

/** The v1 candidate resource; parsed so no column it does not name can leak. */
export function serializeCandidate(row: Candidate): CandidateResource {
  return candidateSchema.parse({
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    locale: row.locale,
    externalId: row.externalId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  });
}
