import { and, eq } from "drizzle-orm";
import { interviewMessages } from "@/db/interview-messages";
import { getAgentHistory } from "@/lib/agent/history";
import type { HistoryOut } from "@/lib/api/schemas/agent";
import type { MessageInput, MessageOut } from "@/lib/api/schemas/invite";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { conflict, invalidState } from "@/lib/errors";
import type { Interviewer } from "@/lib/interviewer";
import { advance } from "@/lib/interviewer/driver";
import { closedError } from "@/lib/invite/target";
import { recordTurn } from "@/lib/turns/record";
import { conversationAfter, conversationOf, replyTo } from "./conversation";
import { acquireReplyLeaseWaiting, releaseReplyLease, replyInProgress, tryAcquireReplyLease } from "./lease";
import { inProcessPort } from "./port";
import { replyLeaseMs } from "./settings";

/**
 * One written answer and the interviewer's reply. Under the interview's reply lease: the
 * message's id is recorded with the turn number it takes, then the candidate turn, then the
 * engine moves once (rating, next question or follow-up, or the end and its finalize).
 *
 * The same `clientMessageId` again waits for the lease, finds its message and answers from
 * what is stored; every write on that path is one the first request had not yet made (a
 * crash between them), so a complete exchange is never written twice. Another message while
 * the lease is held is a 409.
 */
export async function sendWrittenMessage(db: Db, ctx: Ctx, interviewId: string, input: MessageInput, interviewer: Interviewer): Promise<MessageOut> {
  const ttl = replyLeaseMs();
  const waitForIt = async () => (await acquireReplyLeaseWaiting(db, ctx, interviewId, input.clientMessageId, ttl, Date.now() + ttl)).holder;
  const lease = await tryAcquireReplyLease(db, ctx, interviewId, input.clientMessageId, ttl);
  let holder: string;
  if (lease.acquired) holder = lease.holder;
  // The same message again while its first request is still replying (or it was answered
  // before and another reply is now running): wait for the lease, then answer it.
  else if (lease.clientMessageId === input.clientMessageId || (await findMessage(db, ctx, interviewId, input.clientMessageId))) holder = await waitForIt();
  else throw replyInProgress();
  try {
    const history = await getAgentHistory(db, ctx, interviewId);
    const turnNumber = (await findMessage(db, ctx, interviewId, input.clientMessageId))?.turnNumber ?? (await recordMessage(db, ctx, interviewId, input, history));
    const turn = history.turns.find((t) => t.turnNumber === turnNumber);
    if (turn && (turn.role !== "candidate" || turn.content !== input.content)) throw conflict("This clientMessageId was already used for another message.");
    let conversation;
    if (history.status === "IN_PROGRESS") {
      if (!turn) await recordTurn(db, ctx, interviewId, { turnNumber, role: "candidate", content: input.content, audioUrl: null, isPendingQuestion: false, evaluation: null });
      const port = inProcessPort(db, ctx, interviewId);
      await advance(interviewer, port);
      conversation = conversationAfter(port.log);
    } else conversation = conversationOf(history);
    const { status: _status, ...rest } = conversation;
    return { ...rest, turns: replyTo(conversation, turnNumber) };
  } finally {
    await releaseReplyLease(db, ctx, interviewId, holder);
  }
}

async function findMessage(db: Db, ctx: Ctx, interviewId: string, clientMessageId: string) {
  const [row] = await db
    .select({ turnNumber: interviewMessages.turnNumber })
    .from(interviewMessages)
    .where(
      and(
        eq(interviewMessages.interviewId, interviewId),
        eq(interviewMessages.organizationId, ctx.organizationId),
        eq(interviewMessages.clientMessageId, clientMessageId),
      ),
    );
  return row ?? null;
}

/** A new message: only into a written interview that is running; it takes the next turn number. */
async function recordMessage(db: Db, ctx: Ctx, interviewId: string, input: MessageInput, history: HistoryOut): Promise<number> {
  const closed = closedError(history.status);
  if (closed) throw closed;
  if (history.status !== "IN_PROGRESS") throw invalidState("The interview has not started: join it first (POST /join with mode text).");
  await db.insert(interviewMessages).values({ interviewId, organizationId: ctx.organizationId, clientMessageId: input.clientMessageId, turnNumber: history.nextTurnNumber });
  return history.nextTurnNumber;
}
