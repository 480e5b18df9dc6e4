import { index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, ts, updatedAt } from "./columns";
import { organizations } from "./organizations";

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    // whsec_… signing secret (Standard Webhooks). Kept in clear: signing needs it.
    secret: text("secret").notNull(),
    eventTypes: text("event_types").array().notNull(),
    disabledAt: ts("disabled_at"),
    disabledReason: text("disabled_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Composite foreign keys point here (organization_id, id), so a row can only reference an endpoint
    // of its own organisation (the database, not only the queries, keeps tenants apart).
    unique("webhook_endpoints_org_id_key").on(t.organizationId, t.id),
    // Fan-out of an event to the organisation's endpoints, and GET /api/v1/webhooks (newest
    // first, read backwards; see candidates_org_created_idx).
    index("webhook_endpoints_org_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
