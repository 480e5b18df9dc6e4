import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { interviewReplyLeases } from "@/db/interview-messages";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";

// One reply at a time per written interview, across every app process: a lease row in
// PostgreSQL, taken with one atomic upsert and given back when the reply is written. Not a
// transaction held open (the model call can take seconds, and on the embedded database one
// open transaction stalls the whole app), not an advisory lock (PGlite is one session, in
// which such a lock always succeeds), not an in-memory mutex (processes share nothing). A
// process that dies mid-reply leaves a lease that lapses after `ttlMs`.

export type Lease = { acquired: true; holder: string } | { acquired: false; clientMessageId: string | null };

export async function tryAcquireReplyLease(db: Db, ctx: Ctx, interviewId: string, clientMessageId: string | null, ttlMs: number): Promise<Lease> {
  const holder = randomBytes(12).toString("base64url");
  const expiresAt = sql`now() + ${`${ttlMs} milliseconds`}::interval`;
  const [row] = await db
    .insert(interviewReplyLeases)
    .values({ interviewId, organizationId: ctx.organizationId, holder, clientMessageId, expiresAt })
    .onConflictDoUpdate({
      target: interviewReplyLeases.interviewId,
      set: { holder, clientMessageId, expiresAt },
      setWhere: sql`${interviewReplyLeases.expiresAt} < now()`,
    })
    .returning({ holder: interviewReplyLeases.holder });
  if (row?.holder === holder) return { acquired: true, holder };
  const [current] = await db
    .select({ clientMessageId: interviewReplyLeases.clientMessageId })
    .from(interviewReplyLeases)
    .where(and(eq(interviewReplyLeases.interviewId, interviewId), eq(interviewReplyLeases.organizationId, ctx.organizationId)));
  // Released between the two statements: say so, the caller may try again.
  return { acquired: false, clientMessageId: current?.clientMessageId ?? null };
}

/** Waits for the lease (polling) until `deadline`; past it, the reply is still in progress: 409. */
export async function acquireReplyLeaseWaiting(db: Db, ctx: Ctx, interviewId: string, clientMessageId: string | null, ttlMs: number, deadline: number): Promise<{ holder: string }> {
  for (;;) {
    const lease = await tryAcquireReplyLease(db, ctx, interviewId, clientMessageId, ttlMs);
    if (lease.acquired) return lease;
    if (Date.now() >= deadline) throw replyInProgress();
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function releaseReplyLease(db: Db, ctx: Ctx, interviewId: string, holder: string): Promise<void> {
  await db
    .delete(interviewReplyLeases)
    .where(and(eq(interviewReplyLeases.interviewId, interviewId), eq(interviewReplyLeases.organizationId, ctx.organizationId), eq(interviewReplyLeases.holder, holder)));
}

export const replyInProgress = () =>
  new AppError("reply_in_progress", "The interviewer is still replying to an earlier message; send this one once the reply has arrived.");
