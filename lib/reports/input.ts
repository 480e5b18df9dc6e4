import { and, asc, eq } from "drizzle-orm";
import type { InterviewConfigSnapshot } from "@/db/interview-configs";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import type { ReportInput } from "./prompt";

/**
 * Everything a report is built from, read from the interview's frozen configuration snapshot
 * (so a later edit of the configuration never changes how an interview is judged).
 */
export async function loadReportInput(
  db: Db,
  ctx: Ctx,
  interviewId: string,
): Promise<{ input: ReportInput; config: InterviewConfigSnapshot } | null> {
  const [row] = await db
    .select({ config: interviews.configSnapshot, title: jobs.title, description: jobs.description })
    .from(interviews)
    .innerJoin(jobs, and(eq(jobs.id, interviews.jobId), inOrg(jobs, ctx)))
    .where(and(eq(interviews.id, interviewId), inOrg(interviews, ctx)));
  if (!row) return null;
  const turns = await db
    .select({ turnNumber: interviewTurns.turnNumber, role: interviewTurns.role, content: interviewTurns.content, evaluation: interviewTurns.evaluation })
    .from(interviewTurns)
    .where(and(eq(interviewTurns.interviewId, interviewId), inOrg(interviewTurns, ctx)))
    .orderBy(asc(interviewTurns.turnNumber));
  return {
    config: row.config,
    input: {
      job: { title: row.title, description: row.description },
      language: row.config.language,
      criteria: row.config.criteria,
      transcript: turns.filter((t) => t.content.trim()).map(({ turnNumber, role, content }) => ({ turnNumber, role, content })),
      evaluations: turns.flatMap((t) => (t.evaluation ? [{ turnNumber: t.turnNumber, evaluation: t.evaluation }] : [])),
    },
  };
}
