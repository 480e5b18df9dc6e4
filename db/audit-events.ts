import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organizations } from "./organizations";

// Who did what: every write records one row in the same transaction.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    requestId: text("request_id"),
    createdAt: createdAt(),
  },
  (t) => [
    // Console audit log: an organisation's events, newest first, read backwards (see
    // candidates_org_created_idx).
    index("audit_events_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    // History of one object.
    index("audit_events_target_idx").on(t.targetType, t.targetId),
  ],
);
