import { and, eq } from "drizzle-orm";
import { interviews, type Interview } from "@/db/interviews";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { notFound } from "../errors";
import { isId } from "../ids";

// Two locks on an interview row, named for the lock they take. Both are a 404 unless the
// interview is the caller's.

/** `FOR UPDATE` on the whole row, for changes of the interview itself (cancel, resend, decide). */
export async function lockInterviewForUpdate(tx: Db, ctx: Ctx, id: string): Promise<Interview> {
  if (!isId("interview", id)) throw notFound("Interview");
  const [row] = await tx
    .select()
    .from(interviews)
    .where(and(eq(interviews.id, id), inOrg(interviews, ctx)))
    .for("update");
  if (!row) throw notFound("Interview");
  return row;
}

/**
 * `FOR NO KEY UPDATE` on the columns a turn write needs, for the rest of the transaction. Every turn write and the finalize
 * take it first, so a turn can never land after the interview was completed, the first turn
 * starts the interview exactly once, and event ids (clock_timestamp() taken under the lock)
 * follow commit order within an interview. `no key update` still lets turns reference the row.
 */
export async function lockInterviewForTurns(tx: Db, ctx: Ctx, interviewId: string) {
  const [row] = await tx
    .select({
      id: interviews.id,
      status: interviews.status,
      expiresAt: interviews.expiresAt,
      startedAt: interviews.startedAt,
      endedAt: interviews.endedAt,
      audioUrl: interviews.audioUrl,
      reportId: interviews.reportId,
      stageId: interviews.stageId,
      configSnapshot: interviews.configSnapshot,
    })
    .from(interviews)
    .where(and(eq(interviews.id, interviewId), inOrg(interviews, ctx)))
    .for("no key update");
  if (!row) throw notFound("Interview");
  return row;
}

export type LockedInterview = Awaited<ReturnType<typeof lockInterviewForTurns>>;
