import { index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organizations } from "./organizations";
import { users } from "./users";

export const membershipRole = pgEnum("membership_role", ["owner", "admin", "recruiter", "viewer"]);

export const memberships = pgTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull().default("recruiter"),
    createdAt: createdAt(),
  },
  (t) => [
    // One membership per user and organisation; also serves "members of an organisation".
    uniqueIndex("memberships_org_user_key").on(t.organizationId, t.userId),
    // After sign-in: "which organisations does this user belong to".
    index("memberships_user_idx").on(t.userId),
  ],
);

export type Membership = typeof memberships.$inferSelect;
export type MembershipRole = (typeof membershipRole.enumValues)[number];
