import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import type { InterviewConfigContent } from "../lib/interview-configs/schema";
import { organizations } from "./organizations";

// The jsonb columns hold what lib/interview-configs/schema.ts parses to: one shape for the
// database, the API, the agent and the editor. (A type-only import: drizzle-kit never loads it.)

export const interviewConfigs = pgTable(
  "interview_configs",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    language: text("language").notNull().default("en"),
    maxDurationMinutes: integer("max_duration_minutes").notNull().default(30),
    intro: text("intro").notNull(),
    questions: jsonb("questions").$type<InterviewConfigContent["questions"]>().notNull(),
    criteria: jsonb("criteria").$type<InterviewConfigContent["criteria"]>().notNull(),
    scoreBands: jsonb("score_bands").$type<InterviewConfigContent["scoreBands"]>().notNull(),
    // Bumped on every edit; interviews snapshot the config and reports record the version they used.
    version: integer("version").notNull().default(1),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Composite foreign keys point here (organization_id, id), so a row can only reference a configuration
    // of its own organisation (the database, not only the queries, keeps tenants apart).
    unique("interview_configs_org_id_key").on(t.organizationId, t.id),
    // GET /api/v1/interview-configs: newest first, read backwards (see candidates_org_created_idx).
    index("interview_configs_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    // Interview creation falls back to "the organisation's default"; at most one.
    uniqueIndex("interview_configs_org_default_key")
      .on(t.organizationId)
      .where(sql`${t.isDefault}`),
  ],
);

export type InterviewConfig = typeof interviewConfigs.$inferSelect;
export type InterviewConfigSnapshot = Pick<
  InterviewConfig,
  "id" | "name" | "language" | "maxDurationMinutes" | "intro" | "questions" | "criteria" | "scoreBands" | "version"
>;
