import { and, eq, inArray } from "drizzle-orm";
import { emails } from "@/db/emails";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "../db/types";
import { withoutInvitationLinks } from "./invitation-link-redaction";

/**
 * Invitation e-mails still waiting for delivery whose link no longer works (a newer link, a
 * cancelled or expired interview) are withdrawn, so the candidate never receives a dead link.
 * Their stored copies lose the link, as do e-mails of those interviews kept in the local
 * outbox. Returns how many were withdrawn.
 */
export async function withdrawQueuedEmails(tx: Db, organizationId: string, interviewIds: string[], reason: string): Promise<number> {
  if (!interviewIds.length) return 0;
  const ofInterviews = and(inOrg(emails, { organizationId }), inArray(emails.interviewId, interviewIds));
  const rows = await tx
    .update(emails)
    .set({ status: "FAILED", lastError: reason, ...withoutInvitationLinks() })
    .where(and(ofInterviews, eq(emails.status, "QUEUED")))
    .returning({ id: emails.id });
  await tx.update(emails).set(withoutInvitationLinks()).where(and(ofInterviews, eq(emails.status, "OUTBOX")));
  return rows.length;
}
