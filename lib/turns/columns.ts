import { and, eq, getTableColumns, type SQL } from "drizzle-orm";
import { interviewTurns, type InterviewTurn } from "@/db/interview-turns";
import type { CreateTurnInput, TurnOut } from "@/lib/api/schemas/agent";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import { newId } from "@/lib/ids";
import { eventIdOf, notifyTurnChangeOf } from "@/lib/live/notify";

/** The live stream's event id of a stored turn (see eventIdOf). */
export const eventIdSql = eventIdOf(interviewTurns.updatedAt);

/** Every column plus the event id, for selects and RETURNING. */
export const turnSelection = { ...getTableColumns(interviewTurns), eventId: eventIdSql };

/** RETURNING of a turn write: the turn, and its announcement to live viewers on commit. */
export const writtenTurnSelection = { ...turnSelection, notified: notifyTurnChangeOf(interviewTurns) };

export type TurnRow = InterviewTurn & { eventId: string };

/** What a new turn stores besides its timestamps (taken by the database under the interview's lock). */
export type NewTurnValues = Required<Omit<typeof interviewTurns.$inferInsert, "createdAt" | "updatedAt">>;

/** The values of a new turn, the same for the fast and the transactional write. */
export function newTurnValues(ctx: Ctx, interviewId: string, input: CreateTurnInput): NewTurnValues {
  return {
    id: newId("turn"),
    organizationId: ctx.organizationId,
    interviewId,
    turnNumber: input.turnNumber,
    role: input.role,
    content: input.content,
    audioUrl: input.audioUrl,
    isPendingQuestion: input.isPendingQuestion,
    evaluation: input.evaluation,
  };
}

export function publicTurn(row: TurnRow): TurnOut {
  return {
    id: row.id,
    interviewId: row.interviewId,
    turnNumber: row.turnNumber,
    role: row.role,
    content: row.content,
    audioUrl: row.audioUrl,
    isPendingQuestion: row.isPendingQuestion,
    evaluation: row.evaluation ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    eventId: row.eventId,
  };
}

/** The organisation's turns of one interview, or one of them by number. */
export function turnsOf(ctx: Ctx, interviewId: string, turnNumber?: number): SQL {
  return and(
    inOrg(interviewTurns, ctx),
    eq(interviewTurns.interviewId, interviewId),
    turnNumber === undefined ? undefined : eq(interviewTurns.turnNumber, turnNumber),
  )!;
}
