import { integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";

export const organizations = pgTable(
  "organizations",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    // Invitation e-mails are a spam vector: cap them per organisation per hour.
    invitationsPerHour: integer("invitations_per_hour").notNull().default(200),
    // What the candidate's consent notice states (lib/invite/notice.ts): how long candidate
    // data is kept, and whom to write for a human alternative or an accommodation (null: the
    // notice says to reply to the invitation e-mail).
    candidateDataRetentionDays: integer("candidate_data_retention_days").notNull().default(365),
    accommodationContactEmail: text("accommodation_contact_email"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // CLI and console look organisations up by slug.
    uniqueIndex("organizations_slug_key").on(t.slug),
  ],
);

export type Organization = typeof organizations.$inferSelect;
