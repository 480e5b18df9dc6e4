import { sql, type SQL } from "drizzle-orm";
import { interviewTurns } from "@/db/interview-turns";

/** One channel for every interview; each process LISTENs once and fans out in memory. */
export const TURNS_CHANNEL = "parley_turns";

/** Small on purpose (NOTIFY payloads are capped at 8 KB): viewers read the turn itself. */
export type TurnChange = { interviewId: string; turnNumber: number; eventId: string };

/**
 * Announces the written turn. Put in the RETURNING of the write itself (one statement, no extra
 * round trip; no row written, nothing announced); PostgreSQL delivers it on commit, never on
 * rollback.
 */
export function notifyTurnChangeSql(eventId: SQL<string>): SQL<string> {
  return sql<string>`pg_notify(${TURNS_CHANNEL}, json_build_object('i', ${interviewTurns.interviewId}, 'n', ${interviewTurns.turnNumber}, 'e', ${eventId})::text)::text`;
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
