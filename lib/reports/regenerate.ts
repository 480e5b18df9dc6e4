import { and, desc, eq } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import { reports, type Report } from "@/db/reports";
import { inOrg } from "@/lib/db/in-org";
import { recordAudit } from "../audit";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { invalidState, notFound } from "../errors";
import { isId } from "../ids";
import { createReportVersion } from "./create-version";

/**
 * Asks for a new version of a completed interview's report (after a prompt or model change,
 * or a failed attempt). Old versions are kept; the interview keeps pointing at its current
 * report until the new one is READY. While a version is still PENDING or GENERATING, that
 * version is returned instead of stacking another one behind it.
 */
export async function regenerateReport(db: Db, ctx: Ctx, interviewId: string): Promise<{ report: Report; created: boolean }> {
  if (!isId("interview", interviewId)) throw notFound("Interview");
  return db.transaction(async (tx) => {
    // Locking the interview row serialises concurrent regenerations, so version numbers
    // never collide.
    const [interview] = await tx
      .select({ id: interviews.id, status: interviews.status })
      .from(interviews)
      .where(and(eq(interviews.id, interviewId), inOrg(interviews, ctx)))
      .for("update");
    if (!interview) throw notFound("Interview");
    if (interview.status !== "COMPLETED") throw invalidState(`Only a completed interview has a report; this one is ${interview.status}.`);

    const [latest] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.interviewId, interview.id), inOrg(reports, ctx)))
      .orderBy(desc(reports.version))
      .limit(1);
    if (latest && (latest.status === "PENDING" || latest.status === "GENERATING")) return { report: latest, created: false };

    const report = await createReportVersion(tx, ctx, interview.id);
    await recordAudit(tx, ctx, { action: "report.regenerated", targetType: "interview", targetId: interview.id, data: { reportId: report.id, version: report.version } });
    return { report, created: true };
  });
}
