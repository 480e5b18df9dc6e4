import { sql } from "drizzle-orm";
import { interviewTurns } from "@/db/interview-turns";
import type { CreateTurnInput, TurnOut } from "@/lib/api/schemas/agent";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { conflict } from "@/lib/errors";
import { newTurnValues, publicTurn, turnSelection, turnsOf, writtenTurnSelection } from "./columns";
import { assertAcceptsTurns } from "./guards";
import { lockInterviewForTurns } from "../interviews/lock";
import { startInterviewIfNotStarted } from "../interviews/start";
import { recordTurnInProgress } from "./record-fast";
import { isSameTurn } from "./same-turn";

/**
 * Records one turn. Idempotent per turn number: the same payload again (an agent retry, even
 * twenty at once) answers with the stored turn and writes nothing; different content is a 409.
 * The first turn starts the interview.
 */
export async function recordTurn(db: Db, ctx: Ctx, interviewId: string, input: CreateTurnInput): Promise<RecordedTurn> {
  const fast = await recordTurnInProgress(db, ctx, interviewId, input);
  if (fast) return { turn: fast, created: true };
  return recordTurnInTransaction(db, ctx, interviewId, input);
}

type RecordedTurn = { turn: TurnOut; created: boolean };

/**
 * The transactional path, for every case the single statement of record-fast.ts leaves: the
 * first turn (which starts the interview), retries, conflicts and final statuses.
 */
export function recordTurnInTransaction(db: Db, ctx: Ctx, interviewId: string, input: CreateTurnInput): Promise<RecordedTurn> {
  return db.transaction(async (tx) => {
    const interview = await lockInterviewForTurns(tx, ctx, interviewId);
    assertAcceptsTurns(interview);
    const [inserted] = await tx
      .insert(interviewTurns)
      .values({
        ...newTurnValues(ctx, interviewId, input),
        // clock_timestamp(), not now(): taken after the lock, so event ids follow commit order.
        createdAt: sql`clock_timestamp()`,
        updatedAt: sql`clock_timestamp()`,
      })
      .onConflictDoNothing({ target: [interviewTurns.interviewId, interviewTurns.turnNumber] })
      .returning(writtenTurnSelection);

    if (!inserted) {
      const [stored] = await tx
        .select(turnSelection)
        .from(interviewTurns)
        .where(turnsOf(ctx, interviewId, input.turnNumber));
      if (stored && isSameTurn(stored, input)) return { turn: publicTurn(stored), created: false };
      throw conflict(`Turn ${input.turnNumber} is already recorded with different content; PATCH /turns/${input.turnNumber} changes it.`);
    }

    // The turn row itself is the record of a new turn (see record-fast.ts); starting is audited.
    await startInterviewIfNotStarted(tx, ctx, interview);
    return { turn: publicTurn(inserted), created: true };
  });
}
