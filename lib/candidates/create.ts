import { candidates } from "@/db/candidates";
import type { CreateCandidateInput } from "@/lib/api/schemas/candidates";
import { recordAudit } from "@/lib/audit";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { externalIdTaken, isUniqueViolation } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { serializeCandidate } from "./serialize";

/** Creates a candidate; an external id already used in the organisation is a 409. */
export async function createCandidate(db: Db, ctx: Ctx, input: CreateCandidateInput) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(candidates)
        .values({ id: newId("candidate"), organizationId: ctx.organizationId, ...input })
        .returning();
      await recordAudit(tx, ctx, { action: "candidate.created", targetType: "candidate", targetId: row!.id });
      return serializeCandidate(row!);
    });
  } catch (err) {
    // The partial unique index decides, so two concurrent creations cannot both win.
    if (isUniqueViolation(err, "candidates_org_external_id_key")) throw externalIdTaken("candidate", input.externalId!);
    throw err;
  }
}
