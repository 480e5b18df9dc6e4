import { and, eq } from "drizzle-orm";
import { jobs } from "@/db/jobs";
import type { UpdateJobInput } from "@/lib/api/schemas/jobs";
import { recordAudit } from "@/lib/audit";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { externalIdTaken, isUniqueViolation, notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { serializeJob } from "./serialize";

const EDITABLE = ["title", "description", "location", "externalId"] as const;

/**
 * Changes the fields given (a PATCH), and archives or restores the job when `archived` is
 * given. Archiving keeps the job's interviews, campaigns and reports; it only takes the job out
 * of the default lists and the pickers. Archiving an archived job keeps its first date.
 */
export async function updateJob(db: Db, ctx: Ctx, id: string, input: UpdateJobInput) {
  if (!isId("job", id)) throw notFound("Job");
  try {
    return await db.transaction(async (tx) => {
      // Locked, so two concurrent archives agree on the date and the audit says what changed.
      const [current] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.id, id), inOrg(jobs, ctx)))
        .for("update");
      if (!current) throw notFound("Job");
      const changes: Partial<typeof jobs.$inferInsert> = {};
      for (const key of EDITABLE) if (input[key] !== undefined && input[key] !== current[key]) Object.assign(changes, { [key]: input[key] });
      const fields = Object.keys(changes);
      const archive = input.archived === true && !current.archivedAt;
      const restore = input.archived === false && current.archivedAt !== null;
      if (archive) changes.archivedAt = new Date();
      if (restore) changes.archivedAt = null;
      if (!Object.keys(changes).length) return serializeJob(current);
      const [row] = await tx
        .update(jobs)
        .set(changes)
        .where(and(eq(jobs.id, id), inOrg(jobs, ctx)))
        .returning();
      const target = { targetType: "job", targetId: id };
      if (fields.length) await recordAudit(tx, ctx, { action: "job.updated", ...target, data: { fields } });
      if (archive) await recordAudit(tx, ctx, { action: "job.archived", ...target });
      if (restore) await recordAudit(tx, ctx, { action: "job.restored", ...target });
      return serializeJob(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err, "jobs_org_external_id_key")) throw externalIdTaken("job", input.externalId!);
    throw err;
  }
}

/** DELETE /api/v1/jobs/{id} and the console's "archive": the job stays readable by id. */
export const archiveJob = (db: Db, ctx: Ctx, id: string) => updateJob(db, ctx, id, { archived: true });
