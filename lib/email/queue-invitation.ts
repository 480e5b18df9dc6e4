import { and, eq } from "drizzle-orm";
import { candidates } from "@/db/candidates";
import { emails, INVITATION_EMAIL_KIND } from "@/db/emails";
import { interviews } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { organizations } from "@/db/organizations";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { env } from "../env";
import { notFound } from "../errors";
import { newId } from "../ids";
import { enqueue } from "../queue/define";
import { sendEmailJob } from "./deliver";
import { renderInvitationEmail } from "./invitation-template";
import { withdrawQueuedEmails } from "./withdraw";

const SUPERSEDED = "Not sent: superseded by a newer invitation e-mail.";

/**
 * Renders the invitation e-mail and puts it in the durable outbox: the e-mail row and its
 * delivery job are written in the caller's transaction, so both exist exactly when the
 * interview change does; delivery happens after the response. An older invitation still
 * waiting is withdrawn: its link no longer works.
 */
export async function queueInvitationEmail(
  tx: Db,
  ctx: Ctx,
  input: { interviewId: string; invitationUrl: string },
): Promise<{ emailId: string }> {
  const [row] = await tx
    .select({ interview: interviews, candidate: candidates, jobTitle: jobs.title, organizationName: organizations.name })
    .from(interviews)
    .innerJoin(candidates, and(eq(candidates.id, interviews.candidateId), inOrg(candidates, ctx)))
    .innerJoin(jobs, and(eq(jobs.id, interviews.jobId), inOrg(jobs, ctx)))
    .innerJoin(organizations, eq(organizations.id, interviews.organizationId))
    .where(and(eq(interviews.id, input.interviewId), inOrg(interviews, ctx)));
  if (!row) throw notFound("Interview");

  const rendered = renderInvitationEmail({
    locale: row.candidate.locale,
    candidateFirstName: row.candidate.firstName,
    organizationName: row.organizationName,
    jobTitle: row.jobTitle,
    expiresAt: row.interview.expiresAt,
    invitationUrl: input.invitationUrl,
  });

  await withdrawQueuedEmails(tx, ctx.organizationId, [input.interviewId], SUPERSEDED);

  const emailId = newId("email");
  await tx.insert(emails).values({
    id: emailId,
    organizationId: ctx.organizationId,
    interviewId: input.interviewId,
    kind: INVITATION_EMAIL_KIND,
    to: row.candidate.email,
    from: env().EMAIL_FROM,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    locale: rendered.locale,
    // One key per e-mail: every retry of this delivery presents the same one to Resend.
    idempotencyKey: `parley-email-${emailId}`,
  });
  await tx
    .update(interviews)
    .set({ invitationEmailStatus: "QUEUED", invitationEmailError: null })
    .where(eq(interviews.id, input.interviewId));
  await enqueue(tx, sendEmailJob, { emailId }, { organizationId: ctx.organizationId });
  return { emailId };
}
