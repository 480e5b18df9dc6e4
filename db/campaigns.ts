import { index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { jobs } from "./jobs";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";

// A hiring process for one job; its ordered stages live in campaign_stages.
export const campaigns = pgTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    jobId: text("job_id").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Composite foreign keys point here (organization_id, id), so a row can only reference a campaign
    // of its own organisation (the database, not only the queries, keeps tenants apart).
    unique("campaigns_org_id_key").on(t.organizationId, t.id),
    sameOrgReference("campaigns_job_id_fk", t, t.jobId, jobs).onDelete("restrict"),
    // GET /api/v1/campaigns: newest first, id as tie-breaker, read backwards (see
    // candidates_org_created_idx).
    index("campaigns_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    // GET /api/v1/campaigns?jobId= and the job page's campaign list, newest first.
    index("campaigns_org_job_idx").on(t.organizationId, t.jobId, t.createdAt, t.id),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
