import { and, desc, eq } from "drizzle-orm";
import { reports } from "@/db/reports";
import type { ReportResource } from "@/lib/api/schemas/reports";
import { iso } from "@/lib/api/schemas/common";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { serializeReport } from "@/lib/reports/serialize";
import { getInterviewView, type InterviewView } from "./interview-view";

export type ReportVersion = { id: string; version: number; status: string; generatedAt: string | null; createdAt: string };

/** The report page: the interview, every report version (newest first), and the one shown. */
export type ReportView = { interview: InterviewView; versions: ReportVersion[]; report: ReportResource | null };

export async function getReportView(db: Db, ctx: Ctx, interviewId: string, version?: number): Promise<ReportView> {
  const interview = await getInterviewView(db, ctx, interviewId);
  const rows = await db
    .select()
    .from(reports)
    .where(and(eq(reports.interviewId, interviewId), inOrg(reports, ctx)))
    .orderBy(desc(reports.version));
  // By default the interview's current report (the latest READY one), else the newest version.
  const shown = version === undefined ? (rows.find((r) => r.id === interview.reportId) ?? rows[0]) : rows.find((r) => r.version === version);
  if (version !== undefined && !shown) throw notFound("Report version");
  return {
    interview,
    versions: rows.map((r) => ({ id: r.id, version: r.version, status: r.status, generatedAt: iso(r.generatedAt), createdAt: iso(r.createdAt)! })),
    report: shown ? serializeReport(shown, interview.decision) : null,
  };
}
