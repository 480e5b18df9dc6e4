import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import type { CreateTurnInput, TurnOut } from "@/lib/api/schemas/agent";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { notifyTurnChangeOf } from "@/lib/live/notify";
import { anyoneWatching } from "@/lib/live/presence";
import { newTurnValues, publicTurn, turnSelection, type NewTurnValues } from "./columns";

const columns = getTableColumns(interviewTurns);

/** A value of the call, encoded as its column encodes it and cast to the column's type. */
const input = (key: keyof NewTurnValues) => sql`${sql.param(sql.placeholder(key), columns[key])}::${sql.raw(columns[key].getSQLType())}`.as(key);
// clock_timestamp(), as in the transactional path: taken under the interview's lock.
const now = (key: "createdAt" | "updatedAt") => sql`clock_timestamp()`.as(key);

/**
 * Lock the interview row (only if IN_PROGRESS), insert the turn unless its number exists, and
 * announce it on commit when anyone watches. Built with the query builder over the table, so its
 * column list cannot drift from db/interview-turns.ts: an insert-select must name every column
 * in the table's order (Drizzle refuses it otherwise, at the first call).
 */
function buildRecordTurnInProgress(db: Db) {
  const iv = db.$with("iv").as(
    db
      .select({ id: interviews.id })
      .from(interviews)
      .where(and(eq(interviews.id, sql.placeholder("interviewId")), eq(interviews.organizationId, sql.placeholder("organizationId")), eq(interviews.status, "IN_PROGRESS")))
      .for("no key update"),
  );
  return db
    .with(iv)
    .insert(interviewTurns)
    .select((qb) =>
      qb
        .select({
          id: input("id"),
          organizationId: input("organizationId"),
          interviewId: iv.id,
          turnNumber: input("turnNumber"),
          role: input("role"),
          content: input("content"),
          audioUrl: input("audioUrl"),
          isPendingQuestion: input("isPendingQuestion"),
          evaluation: input("evaluation"),
          createdAt: now("createdAt"),
          updatedAt: now("updatedAt"),
        })
        .from(iv),
    )
    .onConflictDoNothing({ target: [interviewTurns.interviewId, interviewTurns.turnNumber] })
    .returning({ ...turnSelection, notified: sql`case when ${sql.placeholder("announce")}::boolean then ${notifyTurnChangeOf(interviewTurns)} end is null` })
    .prepare("record_turn_in_progress");
}

type RecordTurnInProgress = ReturnType<typeof buildRecordTurnInProgress>;

// One prepared query per database handle: PostgreSQL parses and plans it once per connection.
const prepared = new WeakMap<Db, RecordTurnInProgress>();

function recordTurnStatement(db: Db): RecordTurnInProgress {
  let statement = prepared.get(db);
  if (!statement) prepared.set(db, (statement = buildRecordTurnInProgress(db)));
  return statement;
}

/**
 * The agent's hot path: a new turn on an interview already IN_PROGRESS, as ONE prepared
 * statement instead of a transaction of several round trips (a single statement is atomic).
 *
 * Returns null when it wrote nothing: the interview is not IN_PROGRESS (the first turn starts
 * it; final statuses refuse turns) or the turn number exists (a retry or a conflict). The
 * caller then takes the full transactional path, which decides those cases.
 *
 * NOTIFY (which serialises committing transactions) is skipped while no process has a live
 * viewer; streams re-read on a short timer, so a viewer that appears meanwhile misses nothing.
 *
 * A recorded turn is not copied into audit_events: the append-only turn row is the record of
 * it. Edits of a turn, the start and the finalize are audited.
 */
export async function recordTurnInProgress(db: Db, ctx: Ctx, interviewId: string, turn: CreateTurnInput): Promise<TurnOut | null> {
  const [row] = await recordTurnStatement(db).execute({ ...newTurnValues(ctx, interviewId, turn), announce: anyoneWatching(db) });
  return row ? publicTurn(row) : null;
}
