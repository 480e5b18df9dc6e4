import { sql } from "drizzle-orm";
import { index, pgTable, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { organizations } from "./organizations";

export const candidates = pgTable(
  "candidates",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    locale: text("locale").notNull().default("en"),
    externalId: text("external_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Composite foreign keys point here (organization_id, id), so a row can only reference a candidate
    // of its own organisation (the database, not only the queries, keeps tenants apart).
    unique("candidates_org_id_key").on(t.organizationId, t.id),
    // GET /api/v1/candidates and the console list: newest first, id as tie-breaker, read
    // backwards (ascending columns scanned backwards are exactly `created_at desc, id desc`;
    // a `.desc()` column would be DESC NULLS LAST, which such an ORDER BY cannot use).
    index("candidates_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    // An applicant tracker syncs by its own id; one candidate per external id and organisation.
    uniqueIndex("candidates_org_external_id_key")
      .on(t.organizationId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    // GET /api/v1/candidates?email= (compared in lower case), console search and de-duplication.
    index("candidates_org_email_idx").on(t.organizationId, sql`lower(${t.email})`),
  ],
);

export type Candidate = typeof candidates.$inferSelect;
