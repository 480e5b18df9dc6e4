import { and, asc, gt, sql } from "drizzle-orm";
import { interviewTurns } from "@/db/interview-turns";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { eventIdSql, turnSelection, turnsOf, type TurnRow } from "./columns";

/** An interview's turns in order (the unique (interview_id, turn_number) index serves it). */
export async function listTurns(db: Db, ctx: Ctx, interviewId: string): Promise<TurnRow[]> {
  return db
    .select(turnSelection)
    .from(interviewTurns)
    .where(turnsOf(ctx, interviewId))
    .orderBy(asc(interviewTurns.turnNumber));
}

/** Turns written or updated after the event id `after`, oldest change first: what a viewer has not seen. */
export async function turnsChangedSince(db: Db, ctx: Ctx, interviewId: string, after: bigint): Promise<TurnRow[]> {
  return db
    .select(turnSelection)
    .from(interviewTurns)
    .where(and(turnsOf(ctx, interviewId), gt(sql`(extract(epoch from ${interviewTurns.updatedAt}) * 1000000)::bigint`, sql`${after.toString()}::bigint`)))
    .orderBy(asc(eventIdSql), asc(interviewTurns.turnNumber));
}
