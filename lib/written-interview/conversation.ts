import { askedQuestionIds, getAgentHistory } from "@/lib/agent/history";
import type { HistoryOut, TurnOut } from "@/lib/api/schemas/agent";
import type { CandidateTurn, ConversationOut } from "@/lib/api/schemas/invite";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import type { PortLog } from "./port";

/** A turn as the candidate may see it: what was said and when, never a rating or a flag. */
export const candidateTurn = (t: TurnOut): CandidateTurn => ({ turnNumber: t.turnNumber, role: t.role, content: t.content, createdAt: t.createdAt });

/** Where a written interview stands, for the candidate: turns, done, question n of m, time. */
export function conversationOf(history: HistoryOut): ConversationOut {
  const configured = new Set(history.config.questions.map((q) => q.id));
  return {
    status: history.status,
    turns: history.turns.map(candidateTurn),
    done: history.status === "COMPLETED",
    progress: { asked: askedQuestionIds(history.turns).filter((id) => configured.has(id)).length, total: configured.size },
    time: { elapsedSeconds: history.elapsedSeconds, limitSeconds: history.config.maxDurationMinutes * 60 },
  };
}

/**
 * Where the interview stands after a move of the engine, from what the move read and wrote:
 * the turns it read, those it created, COMPLETED if it finalized.
 */
export function conversationAfter(log: PortLog): ConversationOut {
  const history = log.history!;
  const created = new Set(log.created.map((t) => t.turnNumber));
  const turns = [...history.turns.filter((t) => !created.has(t.turnNumber)), ...log.created].sort((a, b) => a.turnNumber - b.turnNumber);
  const status = log.finalized ? "COMPLETED" : history.status === "DRAFT" || history.status === "INVITED" ? (turns.length ? "IN_PROGRESS" : history.status) : history.status;
  return conversationOf({ ...history, status, turns });
}

export async function readConversation(db: Db, ctx: Ctx, interviewId: string): Promise<ConversationOut> {
  return conversationOf(await getAgentHistory(db, ctx, interviewId));
}

/** The answer to one message: the candidate's turn `turnNumber`, then the interviewer's turns up to the next candidate turn. */
export function replyTo(conversation: Pick<ConversationOut, "turns">, turnNumber: number): CandidateTurn[] {
  const from = conversation.turns.filter((t) => t.turnNumber >= turnNumber);
  const next = from.findIndex((t, i) => i > 0 && t.role === "candidate");
  return next === -1 ? from : from.slice(0, next);
}
