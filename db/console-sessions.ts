import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, ts } from "./columns";
import { organizations } from "./organizations";
import { users } from "./users";

// One row per signed-in console session (docs/console-auth.md). The session cookie carries a
// random token inside a JWT encrypted with AUTH_SECRET; the row is keyed by the token's SHA-256,
// so a leaked table cannot be replayed. Deleting the row ends the session at once.
export const consoleSessions = pgTable(
  "console_sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [
    // Revoking a member's sessions in an organisation (removal, sign-out everywhere).
    index("console_sessions_user_org_idx").on(t.userId, t.organizationId),
    // The periodic sweep of expired sessions.
    index("console_sessions_expires_idx").on(t.expiresAt),
  ],
);

export type ConsoleSessionRow = typeof consoleSessions.$inferSelect;
