import { and, eq, inArray } from "drizzle-orm";
import { emails } from "@/db/emails";
import type { Db } from "../db/types";

/**
 * Invitation e-mails still waiting for delivery whose link no longer works (a newer link, a
 * cancelled or expired interview) are withdrawn, so the candidate never receives a dead link.
 * Returns how many were withdrawn.
 */
export async function withdrawQueuedEmails(tx: Db, organizationId: string, interviewIds: string[], reason: string): Promise<number> {
  if (!interviewIds.length) return 0;
  const rows = await tx
    .update(emails)
    .set({ status: "FAILED", lastError: reason })
    .where(and(eq(emails.organizationId, organizationId), inArray(emails.interviewId, interviewIds), eq(emails.status, "QUEUED")))
    .returning({ id: emails.id });
  return rows.length;
}
