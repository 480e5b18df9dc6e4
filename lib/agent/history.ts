import { and, eq } from "drizzle-orm";
import { candidates } from "@/db/candidates";
import { interviews } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import type { HistoryOut, TurnOut } from "@/lib/api/schemas/agent";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { effectiveStatus } from "@/lib/interviews/status";
import { publicTurn } from "@/lib/turns/columns";
import { listTurns } from "@/lib/turns/list";

/**
 * Everything an agent needs when it starts or restarts: who it talks to, for which job, with
 * which configuration, how much time is left, every turn so far and where to go on.
 */
export async function getAgentHistory(db: Db, ctx: Ctx, interviewId: string, now = new Date()): Promise<HistoryOut> {
  const [row] = await db
    .select({
      id: interviews.id,
      status: interviews.status,
      expiresAt: interviews.expiresAt,
      startedAt: interviews.startedAt,
      endedAt: interviews.endedAt,
      roomName: interviews.roomName,
      config: interviews.configSnapshot,
      firstName: candidates.firstName,
      locale: candidates.locale,
      jobTitle: jobs.title,
      jobDescription: jobs.description,
    })
    .from(interviews)
    .innerJoin(candidates, and(eq(candidates.id, interviews.candidateId), inOrg(candidates, ctx)))
    .innerJoin(jobs, and(eq(jobs.id, interviews.jobId), inOrg(jobs, ctx)))
    .where(and(eq(interviews.id, interviewId), inOrg(interviews, ctx)));
  if (!row) throw notFound("Interview");
  const turns = (await listTurns(db, ctx, interviewId)).map(publicTurn);

  const until = row.endedAt ?? now;
  const elapsedSeconds = row.startedAt ? Math.max(0, Math.floor((until.getTime() - row.startedAt.getTime()) / 1000)) : 0;
  const last = turns.at(-1);
  return {
    interviewId: row.id,
    status: effectiveStatus(row, now),
    roomName: row.roomName,
    candidate: { firstName: row.firstName, locale: row.locale },
    job: { title: row.jobTitle, description: row.jobDescription },
    config: {
      version: row.config.version,
      language: row.config.language,
      intro: row.config.intro,
      questions: row.config.questions,
      criteria: row.config.criteria,
      maxDurationMinutes: row.config.maxDurationMinutes,
    },
    startedAt: row.startedAt?.toISOString() ?? null,
    elapsedSeconds,
    remainingSeconds: Math.max(0, row.config.maxDurationMinutes * 60 - elapsedSeconds),
    turns,
    nextTurnNumber: (last?.turnNumber ?? 0) + 1,
    pendingQuestion: pendingQuestion(turns),
    askedQuestionIds: askedQuestionIds(turns),
  };
}

/**
 * The question still waiting for its answer: the latest agent turn flagged pending, unless the
 * candidate has said something since. A restarted agent repeats it instead of moving on.
 */
export function pendingQuestion(turns: TurnOut[]): TurnOut | null {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!;
    if (t.role === "candidate" && t.content.trim() !== "") return null;
    if (t.role === "agent" && t.isPendingQuestion) return t;
  }
  return null;
}

/** Configured questions already asked, by the `questionId` an agent turn's evaluation carries. */
export function askedQuestionIds(turns: TurnOut[]): string[] {
  const ids: string[] = [];
  for (const t of turns) {
    const id = t.role === "agent" ? t.evaluation?.questionId : undefined;
    if (typeof id === "string" && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
