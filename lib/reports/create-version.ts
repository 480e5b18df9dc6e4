import { and, eq, max } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import { reports, type Report } from "@/db/reports";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { notFound } from "../errors";
import { newId } from "../ids";
import { enqueue } from "../queue/define";
import { generateReportJob } from "./job";

/**
 * The one way a report comes to exist: the interview's next version, PENDING, recording the
 * configuration version it will be scored against, with its generation job queued in the same
 * transaction (so the job exists exactly when the row does). Used by the agent's finalize and
 * by regeneration. Call it inside the caller's transaction; it takes the interview's row lock
 * (`no key update`, a no-op when the caller holds it already), which keeps version numbers
 * from colliding.
 */
export async function createReportVersion(tx: Db, ctx: Ctx, interviewId: string): Promise<Report> {
  const [interview] = await tx
    .select({ configSnapshot: interviews.configSnapshot })
    .from(interviews)
    .where(and(eq(interviews.id, interviewId), inOrg(interviews, ctx)))
    .for("no key update");
  if (!interview) throw notFound("Interview");
  const [latest] = await tx
    .select({ version: max(reports.version) })
    .from(reports)
    .where(and(eq(reports.interviewId, interviewId), inOrg(reports, ctx)));
  const [report] = await tx
    .insert(reports)
    .values({
      id: newId("report"),
      organizationId: ctx.organizationId,
      interviewId,
      version: (latest?.version ?? 0) + 1,
      status: "PENDING",
      configVersion: interview.configSnapshot.version,
    })
    .returning();
  await enqueue(tx, generateReportJob, { reportId: report!.id }, { organizationId: ctx.organizationId });
  return report!;
}
