import { index, integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, ts, updatedAt } from "./columns";
import { interviews } from "./interviews";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";

// OUTBOX: kept for the local viewer because no e-mail provider is configured.
export const emailStatus = pgEnum("email_status", ["QUEUED", "SENT", "FAILED", "OUTBOX"]);

// emails.kind of the invitation e-mail (the only kind so far).
export const INVITATION_EMAIL_KIND = "interview.invitation";

// Every e-mail Parley sends, rendered at enqueue time; the background job only delivers it.
export const emails = pgTable(
  "emails",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    interviewId: text("interview_id"),
    kind: text("kind").notNull(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    locale: text("locale").notNull(),
    status: emailStatus("status").notNull().default("QUEUED"),
    // Sent as Resend's Idempotency-Key so a retried send is never delivered twice.
    idempotencyKey: text("idempotency_key").notNull(),
    providerMessageId: text("provider_message_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    sameOrgReference("emails_interview_id_fk", t, t.interviewId, interviews).onDelete("set null"),
    // Local outbox viewer and console: an organisation's e-mails, newest first, read backwards
    // (see candidates_org_created_idx).
    index("emails_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    // An interview's invitation history, newest first (read backwards): the latest invitation
    // e-mail beside each interview of a list page, and delivery's "is this the latest".
    index("emails_interview_idx").on(t.interviewId, t.createdAt, t.id),
  ],
);

export type Email = typeof emails.$inferSelect;
