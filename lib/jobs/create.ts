import { jobs } from "@/db/jobs";
import type { CreateJobInput } from "@/lib/api/schemas/jobs";
import { recordAudit } from "@/lib/audit";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { externalIdTaken, isUniqueViolation } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { serializeJob } from "./serialize";

/** Creates a job posting; an external id already used in the organisation is a 409. */
export async function createJob(db: Db, ctx: Ctx, input: CreateJobInput) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(jobs)
        .values({ id: newId("job"), organizationId: ctx.organizationId, ...input })
        .returning();
      await recordAudit(tx, ctx, { action: "job.created", targetType: "job", targetId: row!.id });
      return serializeJob(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err, "jobs_org_external_id_key")) throw externalIdTaken("job", input.externalId!);
    throw err;
  }
}
