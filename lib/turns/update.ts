import { sql } from "drizzle-orm";
import { interviewTurns } from "@/db/interview-turns";
import type { TurnOut, UpdateTurnInput } from "@/lib/api/schemas/agent";
import { recordAudit } from "@/lib/audit";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { publicTurn, turnsOf, writtenTurnSelection } from "./columns";
import { assertAcceptsTurns } from "./guards";
import { lockInterviewForTurns } from "../interviews/lock";

/** Final transcript, audio or evaluation of a turn recorded earlier (typically once the candidate finished). */
export async function updateTurn(db: Db, ctx: Ctx, interviewId: string, turnNumber: number, input: UpdateTurnInput): Promise<TurnOut> {
  return db.transaction(async (tx) => {
    const interview = await lockInterviewForTurns(tx, ctx, interviewId);
    assertAcceptsTurns(interview);
    const [row] = await tx
      .update(interviewTurns)
      .set({
        ...(input.content !== undefined ? { content: input.content } : {}),
        ...(input.audioUrl !== undefined ? { audioUrl: input.audioUrl } : {}),
        ...(input.evaluation !== undefined ? { evaluation: input.evaluation } : {}),
        ...(input.isPendingQuestion !== undefined ? { isPendingQuestion: input.isPendingQuestion } : {}),
        updatedAt: sql`clock_timestamp()`,
      })
      .where(turnsOf(ctx, interviewId, turnNumber))
      .returning(writtenTurnSelection);
    if (!row) throw notFound("Turn");
    await recordAudit(tx, ctx, {
      action: "turn.updated",
      targetType: "interview",
      targetId: interviewId,
      data: { turnNumber, fields: Object.keys(input).filter((k) => input[k as keyof UpdateTurnInput] !== undefined) },
    });
    return publicTurn(row);
  });
}
