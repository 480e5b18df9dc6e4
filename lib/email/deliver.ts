import { and, desc, eq, sql } from "drizzle-orm";
import { Resend } from "resend";
import { z } from "zod";
import { emails, INVITATION_EMAIL_KIND, type Email } from "@/db/emails";
import { interviews } from "@/db/interviews";
import type { Db } from "../db/types";
import { env } from "../env";
import { isId } from "../ids";
import { log } from "../log";
import { defineJob } from "../queue/define";
import { type JobContext, PermanentJobError } from "../queue/types";
import { withoutInvitationLinks } from "./invitation-link-redaction";

const SEND_TIMEOUT_MS = 20_000;

type SendError = { statusCode?: number | null; name?: string; message?: string };

// 429, 5xx, a network failure or another request with the same key still running: try again
// (the queue backs off). Any other 4xx will not get better by retrying.
const isRetryable = (e: SendError) =>
  e.statusCode == null || e.statusCode === 429 || e.statusCode >= 500 || e.name === "concurrent_idempotent_requests";

const describeError = (e: SendError) => `Resend ${e.statusCode ?? "network error"}${e.name ? ` ${e.name}` : ""}: ${e.message ?? "no detail"}`;

/** Only the interview's newest invitation speaks for it: a superseded e-mail's fate is its own. */
async function updateInterviewIfLatest(db: Db, email: Email, set: Partial<typeof interviews.$inferInsert>) {
  if (!email.interviewId || email.kind !== INVITATION_EMAIL_KIND) return;
  const [latest] = await db
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.interviewId, email.interviewId), eq(emails.kind, INVITATION_EMAIL_KIND)))
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(1);
  if (latest?.id !== email.id) return;
  await db.update(interviews).set(set).where(eq(interviews.id, email.interviewId));
}

async function markSent(db: Db, email: Email, providerMessageId: string) {
  await db.transaction(async (tx) => {
    await tx
      .update(emails)
      .set({
        status: "SENT",
        providerMessageId,
        sentAt: new Date(),
        lastError: null,
        // Delivered: the stored copy no longer needs the link.
        ...withoutInvitationLinks(),
      })
      .where(eq(emails.id, email.id));
    await updateInterviewIfLatest(tx, email, { invitationEmailStatus: "SENT", invitationEmailError: null });
  });
}

async function markFailed(db: Db, email: Email, reason: string) {
  await db.transaction(async (tx) => {
    // Never to be sent: the stored copy has no further use for the link (a resend mints a new one).
    await tx.update(emails).set({ status: "FAILED", lastError: reason, ...withoutInvitationLinks() }).where(eq(emails.id, email.id));
    await updateInterviewIfLatest(tx, email, { invitationEmailStatus: "FAILED", invitationEmailError: reason });
  });
}

/**
 * Delivers one queued e-mail through Resend. Runs outside any transaction and may run twice (a
 * crash between the send and the row update): the e-mail's own idempotency key makes Resend
 * answer the second send without sending again.
 */
async function deliverEmail(db: Db, { emailId }: { emailId: string }, job: JobContext): Promise<void> {
  const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
  // Gone (organisation deleted) or settled already (sent, failed, superseded, kept in the outbox).
  if (!email || email.status !== "QUEUED") return;

  const { RESEND_API_KEY, RESEND_BASE_URL } = env();
  if (!RESEND_API_KEY) {
    await db.update(emails).set({ status: "OUTBOX" }).where(and(eq(emails.id, email.id), eq(emails.status, "QUEUED")));
    // Ids only: the link is a credential and the address personal data; `outbox list` shows both.
    log.info("e-mail kept in the local outbox (RESEND_API_KEY is not set): npm run --silent cli -- outbox list", {
      emailId: email.id,
      interviewId: email.interviewId,
    });
    return;
  }

  await db.update(emails).set({ attempts: sql`${emails.attempts} + 1` }).where(eq(emails.id, email.id));
  const resend = new Resend(RESEND_API_KEY, { baseUrl: RESEND_BASE_URL });
  const { data, error } = await resend.emails.send(
    { from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
    { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  );
  if (data) {
    await markSent(db, email, data.id);
    return;
  }
  const failure = (error ?? {}) as SendError;
  const reason = describeError(failure);
  const retryable = isRetryable(failure);
  if (retryable && job.attempt < job.maxAttempts) {
    await db.update(emails).set({ lastError: reason }).where(eq(emails.id, email.id));
    throw new Error(reason);
  }
  await markFailed(db, email, reason);
  throw retryable ? new Error(reason) : new PermanentJobError(reason);
}

/** Queued with the e-mail row (lib/email/queue-invitation.ts); one job per e-mail. */
export const sendEmailJob = defineJob({
  kind: "email.send",
  payload: z.object({ emailId: z.string().refine((v) => isId("email", v), "must be an e-mail id") }),
  maxAttempts: 8,
  dedupe: ({ emailId }) => `email.send:${emailId}`,
  run: deliverEmail,
});
