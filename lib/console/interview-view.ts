import { and, eq } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import type { InterviewOut } from "@/lib/api/schemas/interviews";
import { iso } from "@/lib/api/schemas/common";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import type { Criterion, InterviewConfigContent } from "@/lib/interview-configs/schema";
import { getInterview } from "@/lib/interviews/get";

export type ReportSummary = { id: string; status: string; version: number; recommendation: string | null; overallScore: number | null; generatedAt: string | null };

/** Everything the recruiter's interview page shows: the API's interview plus the plan it runs to. */
export type InterviewView = InterviewOut & {
  config: Pick<InterviewConfigContent, "name" | "maxDurationMinutes" | "language"> & {
    questionCount: number;
    criteria: Pick<Criterion, "key" | "label" | "weight">[];
  };
  report: ReportSummary | null;
};

export async function getInterviewView(db: Db, ctx: Ctx, id: string): Promise<InterviewView> {
  const interview = await getInterview(db, ctx, id);
  const [row] = await db
    .select({ snapshot: interviews.configSnapshot })
    .from(interviews)
    .where(and(eq(interviews.id, id), inOrg(interviews, ctx)));
  const [report] = interview.reportId
    ? await db
        .select()
        .from(reports)
        .where(and(eq(reports.id, interview.reportId), inOrg(reports, ctx)))
    : [];
  const snapshot = row!.snapshot;
  return {
    ...interview,
    config: {
      name: snapshot.name,
      maxDurationMinutes: snapshot.maxDurationMinutes,
      questionCount: snapshot.questions.length,
      language: snapshot.language,
      criteria: snapshot.criteria.map((c) => ({ key: c.key, label: c.label, weight: c.weight })),
    },
    report: report
      ? { id: report.id, status: report.status, version: report.version, recommendation: report.recommendation, overallScore: report.overallScore, generatedAt: iso(report.generatedAt) }
      : null,
  };
}
