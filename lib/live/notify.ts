import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/** One channel for every interview; each process LISTENs once and fans out in memory. */
export const TURNS_CHANNEL = "parley_turns";

/** Small on purpose (NOTIFY payloads are capped at 8 KB): viewers read the turn itself. */
export type TurnChange = { interviewId: string; turnNumber: number; eventId: string };

/**
 * A turn's event id: its updated_at in microseconds, as text. Turn writes hold the interview's
 * row lock while they take clock_timestamp(), so within one interview a later commit always has
 * a larger id: a viewer resuming from an id misses nothing committed after it.
 */
export const eventIdOf = (updatedAt: SQLWrapper): SQL<string> => sql<string>`((extract(epoch from ${updatedAt}) * 1000000)::bigint)::text`;

type TurnColumns = { interviewId: SQLWrapper; turnNumber: SQLWrapper; updatedAt: SQLWrapper };

/**
 * Announces a written turn. Put in the RETURNING (or final SELECT) of the write itself: one
 * statement, no extra round trip, nothing announced when no row was written; PostgreSQL delivers
 * it on commit, never on rollback. The channel is inlined so the expression can also be
 * rendered into a constant prepared statement (lib/turns/record-fast.ts).
 */
export function notifyTurnChangeOf(turn: TurnColumns): SQL<string> {
  return sql<string>`pg_notify(${sql.raw(`'${TURNS_CHANNEL}'`)}, json_build_object('i', ${turn.interviewId}, 'n', ${turn.turnNumber}, 'e', ${eventIdOf(turn.updatedAt)})::text)::text`;
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
