import type { JoinTextOut } from "@/lib/api/schemas/invite";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import type { Interviewer } from "@/lib/interviewer";
import { advance } from "@/lib/interviewer/driver";
import { conversationAfter, readConversation } from "./conversation";
import { releaseReplyLease, tryAcquireReplyLease } from "./lease";
import { inProcessPort } from "./port";
import { replyLeaseMs } from "./settings";

/**
 * The written interview after the candidate joined: the interviewer's opening turns the first
 * time (the first turn starts the interview), and on a rejoin whatever the engine still owes
 * (nothing while a question waits for its answer; the reply to a message whose reply was cut
 * short by a crash). While another reply is being produced it writes nothing and answers the
 * turns so far.
 */
export async function startWrittenInterview(db: Db, ctx: Ctx, interviewId: string, interviewer: Interviewer): Promise<JoinTextOut> {
  const lease = await tryAcquireReplyLease(db, ctx, interviewId, null, replyLeaseMs());
  let conversation;
  if (lease.acquired) {
    try {
      const port = inProcessPort(db, ctx, interviewId);
      await advance(interviewer, port);
      conversation = conversationAfter(port.log);
    } finally {
      await releaseReplyLease(db, ctx, interviewId, lease.holder);
    }
  } else conversation = await readConversation(db, ctx, interviewId);
  const { status: _status, ...rest } = conversation;
  return { mode: "text", interviewId, ...rest };
}
