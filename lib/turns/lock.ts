import { and, eq } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";

/**
 * Locks the interview row for the rest of the transaction. Every turn write and the finalize
 * take it first, so a turn can never land after the interview was completed, the first turn
 * starts the interview exactly once, and event ids (clock_timestamp() taken under the lock)
 * follow commit order within an interview. `no key update` still lets turns reference the row.
 */
export async function lockInterview(tx: Db, ctx: Ctx, interviewId: string) {
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
    .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId)))
    .for("no key update");
  if (!row) throw notFound("Interview");
  return row;
}

export type LockedInterview = Awaited<ReturnType<typeof lockInterview>>;
