import { and, eq } from "drizzle-orm";
import { candidates } from "@/db/candidates";
import type { UpdateCandidateInput } from "@/lib/api/schemas/candidates";
import { recordAudit } from "@/lib/audit";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { externalIdTaken, isUniqueViolation, notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { serializeCandidate } from "./serialize";

const EDITABLE = ["firstName", "lastName", "email", "phone", "locale", "externalId"] as const;

/**
 * Changes the fields given (a PATCH). Interviews already sent keep their link; the next
 * invitation e-mail goes to the new address. The audit entry names the fields, not their values.
 */
export async function updateCandidate(db: Db, ctx: Ctx, id: string, input: UpdateCandidateInput) {
  if (!isId("candidate", id)) throw notFound("Candidate");
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(candidates)
        .where(and(eq(candidates.id, id), inOrg(candidates, ctx)))
        .for("update");
      if (!current) throw notFound("Candidate");
      const changes: Partial<typeof candidates.$inferInsert> = {};
      for (const key of EDITABLE) if (input[key] !== undefined && input[key] !== current[key]) Object.assign(changes, { [key]: input[key] });
      const fields = Object.keys(changes);
      if (!fields.length) return serializeCandidate(current);
      const [row] = await tx
        .update(candidates)
        .set(changes)
        .where(and(eq(candidates.id, id), inOrg(candidates, ctx)))
        .returning();
      await recordAudit(tx, ctx, { action: "candidate.updated", targetType: "candidate", targetId: id, data: { fields } });
      return serializeCandidate(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err, "candidates_org_external_id_key")) throw externalIdTaken("candidate", input.externalId!);
    throw err;
  }
}
