import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/types";

/** One channel for every interview; each process LISTENs once and fans out in memory. */
export const TURNS_CHANNEL = "parley_turns";

/** Small on purpose (NOTIFY payloads are capped at 8 KB): viewers read the turn itself. */
export type TurnChange = { interviewId: string; turnNumber: number; eventId: string };

/** Call inside the write's transaction: PostgreSQL delivers it on commit, and never on rollback. */
export async function publishTurnChange(tx: Db, change: TurnChange): Promise<void> {
  const payload = JSON.stringify({ i: change.interviewId, n: change.turnNumber, e: change.eventId });
  await tx.execute(sql`select pg_notify(${TURNS_CHANNEL}, ${payload})`);
}

export function parseTurnChange(payload: string): TurnChange | null {
  try {
    const v = JSON.parse(payload) as { i?: unknown; n?: unknown; e?: unknown };
    if (typeof v.i !== "string" || typeof v.n !== "number" || typeof v.e !== "string") return null;
    return { interviewId: v.i, turnNumber: v.n, eventId: v.e };
  } catch {
    return null;
  }
}
