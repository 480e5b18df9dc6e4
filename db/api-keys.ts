import { index, pgTable, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, ts } from "./columns";
import { organizations } from "./organizations";
import { users } from "./users";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // First characters of the key, shown in lists so a person can tell keys apart.
    prefix: text("prefix").notNull(),
    // SHA-256 of the whole key, hex. The key itself is never stored.
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
    expiresAt: ts("expires_at"),
    createdAt: createdAt(),
  },
  (t) => [
    // Composite foreign keys point here (organization_id, id), so a row can only reference an API key
    // of its own organisation (the database, not only the queries, keeps tenants apart).
    unique("api_keys_org_id_key").on(t.organizationId, t.id),
    // Every authenticated API request: look the key up by its hash.
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    // Console and CLI: list an organisation's keys, newest first.
    index("api_keys_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
