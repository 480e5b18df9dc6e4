import type { CreateTurnInput, TurnOut } from "@/lib/api/schemas/agent";
import type { Ctx } from "@/lib/context";
import { executePrepared } from "@/lib/db/prepared";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { eventIdOf, notifyTurnChangeOf } from "@/lib/live/notify";
import { anyoneWatching } from "@/lib/live/presence";

type Row = Omit<TurnOut, "interviewId" | "evaluation"> & { evaluationJson: string | null };

const utc = (column: string) => `to_char(ins.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// The event id and the announcement are the slow path's own expressions (lib/live/notify.ts),
// rendered once over the CTE's columns so this statement stays a constant prepared text.
const dialect = new PgDialect();
const ins = { interviewId: sql.raw("ins.interview_id"), turnNumber: sql.raw("ins.turn_number"), updatedAt: sql.raw("ins.updated_at") };
const EVENT_ID = dialect.sqlToQuery(eventIdOf(ins.updatedAt)).sql;
const NOTIFY = dialect.sqlToQuery(notifyTurnChangeOf(ins)).sql;

// Lock the interview row (only if IN_PROGRESS), insert the turn unless its number exists, and
// announce it on commit when anyone watches ($10).
const RECORD_TURN_IN_PROGRESS = `
  with iv as (
    select id from interviews
    where id = $1 and organization_id = $2 and status = 'IN_PROGRESS'
    for no key update
  ), ins as (
    insert into interview_turns
      (id, organization_id, interview_id, turn_number, role, content, audio_url, is_pending_question, evaluation, created_at, updated_at)
    select $3, $2, iv.id, $4::int, $5::turn_role, $6, $7, $8::boolean, $9::jsonb, clock_timestamp(), clock_timestamp()
    from iv
    on conflict (interview_id, turn_number) do nothing
    returning *
  )
  select ins.id, ins.turn_number as "turnNumber", ins.role::text as role, ins.content, ins.audio_url as "audioUrl",
    ins.is_pending_question as "isPendingQuestion", ins.evaluation::text as "evaluationJson",
    ${utc("created_at")} as "createdAt", ${utc("updated_at")} as "updatedAt", ${EVENT_ID} as "eventId",
    case when $10::boolean then ${NOTIFY} end is null as notified
  from ins`;

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
export async function recordTurnInProgress(db: Db, ctx: Ctx, interviewId: string, input: CreateTurnInput): Promise<TurnOut | null> {
  const [row] = await executePrepared<Row>(db, RECORD_TURN_IN_PROGRESS, [
    interviewId,
    ctx.organizationId,
    newId("turn"),
    input.turnNumber,
    input.role,
    input.content,
    input.audioUrl ?? null,
    input.isPendingQuestion ?? false,
    input.evaluation ? JSON.stringify(input.evaluation) : null,
    anyoneWatching(db),
  ]);
  if (!row) return null;
  return {
    id: row.id,
    interviewId,
    turnNumber: Number(row.turnNumber),
    role: row.role,
    content: row.content,
    audioUrl: row.audioUrl,
    isPendingQuestion: row.isPendingQuestion,
    evaluation: row.evaluationJson === null ? null : (JSON.parse(row.evaluationJson) as TurnOut["evaluation"]),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    eventId: row.eventId,
  };
}
