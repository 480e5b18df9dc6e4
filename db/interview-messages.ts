import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, ts } from "./columns";
import { interviews } from "./interviews";
import { organizations } from "./organizations";

// The written interview's messages by the id the candidate's browser gave them, so a message
// sent twice (a retry, a double click) is recorded once and answered the same way.
export const interviewMessages = pgTable(
  "interview_messages",
  {
    interviewId: text("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    clientMessageId: text("client_message_id").notNull(),
    // The candidate turn this message is recorded as.
    turnNumber: integer("turn_number").notNull(),
    createdAt: createdAt(),
  },
  // Unique per interview; also how a retry finds its message.
  (t) => [primaryKey({ name: "interview_messages_pkey", columns: [t.interviewId, t.clientMessageId] })],
);

// Who is producing the interviewer's reply to a written message right now. A lease, not a
// transaction: the model call may take seconds and must not hold a transaction (on the
// embedded database, one transaction at a time serves the whole app). It expires, so a
// process that dies mid-reply frees the interview.
export const interviewReplyLeases = pgTable("interview_reply_leases", {
  interviewId: text("interview_id")
    .primaryKey()
    .references(() => interviews.id, { onDelete: "cascade" }),
  organizationId: text("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  holder: text("holder").notNull(),
  clientMessageId: text("client_message_id"),
  expiresAt: ts("expires_at").notNull(),
});
