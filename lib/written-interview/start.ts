import type { JoinTextOut } from "@/lib/api/schemas/invite";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import type { Interviewer } from "@/lib/interviewer";
import { advance } from "@/lib/interviewer/driver";
import { readConversation } from "./conversation";
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
  if (lease.acquired) {
    try {
      await advance(interviewer, inProcessPort(db, ctx, interviewId));
    } finally {
      await releaseReplyLease(db, ctx, interviewId, lease.holder);
    }
  }
  const { status: _status, ...conversation } = await readConversation(db, ctx, interviewId);
  return { mode: "text", interviewId, ...conversation };
}
