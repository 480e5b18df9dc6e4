import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { createdAt, ts } from "./columns";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";

// Idempotency-Key on POST: the first request inserts the row (in flight); the endpoint's
// transaction completes it with the answer.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // The API key that sent the request: another key's request with the same key is its own.
    apiKeyId: text("api_key_id").notNull(),
    key: text("key").notNull(),
    // SHA-256 of method, path and body: the same key with another request is refused.
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    // The answer's headers and body, sealed (AES-256-GCM, key derived from AUTH_SECRET): an
    // answer may hold a secret shown once (a webhook signing secret, an invitation link).
    responseBody: text("response_body"),
    lockedUntil: ts("locked_until"),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [
    sameOrgReference("idempotency_keys_api_key_id_fk", t, t.apiKeyId, apiKeys).onDelete("cascade"),
    // Keys are scoped to the API key (and so to its organisation): the claim and every lookup.
    primaryKey({ columns: [t.organizationId, t.apiKeyId, t.key] }),
    // Sweep of keys older than 24 hours.
    index("idempotency_keys_expires_idx").on(t.expiresAt),
  ],
);
