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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // CLI and console look organisations up by slug.
    uniqueIndex("organizations_slug_key").on(t.slug),
  ],
);

export type Organization = typeof organizations.$inferSelect;
