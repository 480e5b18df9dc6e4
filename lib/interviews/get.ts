import { and, asc, eq } from "drizzle-orm";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import { interviewSchema, type InterviewOut } from "@/lib/api/schemas/interviews";
import { iso } from "@/lib/api/schemas/common";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { getDecision } from "../decisions/read";
import { listConsents } from "../invite/consents";
import { notFound } from "../errors";
import { isId } from "../ids";
import { evaluationFromReport } from "../reports/serialize";
import { latestInvitationEmails, selectInterviews, toListItem } from "./read";

/** One interview with its evaluation and transcript; unknown, foreign or malformed ids are a 404. */
export async function getInterview(db: Db, ctx: Ctx, id: string): Promise<InterviewOut> {
  if (!isId("interview", id)) throw notFound("Interview");
  const [row] = await selectInterviews(db, ctx, eq(interviews.id, id));
  if (!row) throw notFound("Interview");
  const [latest, turns, report, decision, consents] = await Promise.all([
    latestInvitationEmails(db, ctx, [id]),
    db
      .select()
      .from(interviewTurns)
      .where(and(eq(interviewTurns.interviewId, id), eq(interviewTurns.organizationId, ctx.organizationId)))
      .orderBy(asc(interviewTurns.turnNumber)),
    row.interview.reportId
      ? db
          .select()
          .from(reports)
          .where(and(eq(reports.id, row.interview.reportId), eq(reports.organizationId, ctx.organizationId)))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    getDecision(db, ctx, id),
    listConsents(db, ctx, id),
  ]);
  return interviewSchema.parse({
    ...toListItem(row, latest.get(id)),
    evaluation: evaluationFromReport(report),
    decision,
    humanRequested: row.interview.humanRequestedAt !== null,
    humanRequestedAt: iso(row.interview.humanRequestedAt),
    consents,
    transcript: turns.map((t) => ({
      turnNumber: t.turnNumber,
      role: t.role,
      content: t.content,
      audioUrl: t.audioUrl,
      isPendingQuestion: t.isPendingQuestion,
      evaluation: t.evaluation,
      createdAt: iso(t.createdAt),
      updatedAt: iso(t.updatedAt),
    })),
  });
}
