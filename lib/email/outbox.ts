import { and, desc, eq, type SQL } from "drizzle-orm";
import { emails, type Email } from "@/db/emails";
import type { Db } from "../db/types";

export type OutboxFilter = {
  /** One organisation, or every one (operators on their own machine). */
  organizationId?: string;
  /** OUTBOX (kept because no provider is configured) unless asked otherwise. */
  status?: Email["status"] | "all";
  limit?: number;
};

/** The local outbox: e-mails as rendered, newest first, for a developer without an e-mail provider. */
export async function listOutbox(db: Db, filter: OutboxFilter = {}) {
  const status = filter.status ?? "OUTBOX";
  const where: (SQL | undefined)[] = [
    filter.organizationId ? eq(emails.organizationId, filter.organizationId) : undefined,
    status === "all" ? undefined : eq(emails.status, status),
  ];
  const rows = await db
    .select()
    .from(emails)
    .where(and(...where))
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(filter.limit ?? 50);
  return rows.map((e) => ({
    id: e.id,
    organizationId: e.organizationId,
    interviewId: e.interviewId,
    kind: e.kind,
    status: e.status,
    to: e.to,
    from: e.from,
    subject: e.subject,
    locale: e.locale,
    attempts: e.attempts,
    lastError: e.lastError,
    createdAt: e.createdAt.toISOString(),
    sentAt: e.sentAt?.toISOString() ?? null,
    text: e.text,
    html: e.html,
  }));
}
