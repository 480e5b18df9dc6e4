import { index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, ts } from "./columns";
import { organizations } from "./organizations";

// Idempotency-Key on POST: the first request inserts the row (in flight), the response completes it.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    // SHA-256 of method, path and body: the same key with another request is refused.
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    lockedUntil: ts("locked_until"),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [
    // Keys are scoped to the organisation.
    primaryKey({ columns: [t.organizationId, t.key] }),
    // Sweep of keys older than 24 hours.
    index("idempotency_keys_expires_idx").on(t.expiresAt),
  ],
);
