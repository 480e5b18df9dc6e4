import { sql } from "drizzle-orm";
import { index, pgTable, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, ts, updatedAt } from "./columns";
import { organizations } from "./organizations";

// Job postings. (Background work lives in background_jobs.)
export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    location: text("location"),
    externalId: text("external_id"),
    // Set when the job is archived: it leaves pickers and the default lists; its interviews,
    // campaigns and reports stay as they are.
    archivedAt: ts("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Composite foreign keys point here (organization_id, id), so a row can only reference a job
    // of its own organisation (the database, not only the queries, keeps tenants apart).
    unique("jobs_org_id_key").on(t.organizationId, t.id),
    // GET /api/v1/jobs and the console list: newest first, id as tie-breaker, read backwards
    // (see candidates_org_created_idx for why the columns are ascending).
    index("jobs_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    // The default job lists (API and console) and the pickers show active jobs only: the same
    // newest-first order over the organisation's unarchived jobs.
    index("jobs_org_active_created_idx")
      .on(t.organizationId, t.createdAt, t.id)
      .where(sql`${t.archivedAt} is null`),
    // An applicant tracker syncs by its own id; one job per external id and organisation.
    uniqueIndex("jobs_org_external_id_key")
      .on(t.organizationId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

export type Job = typeof jobs.$inferSelect;
