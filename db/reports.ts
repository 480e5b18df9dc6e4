import { index, integer, jsonb, pgEnum, pgTable, real, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, ts, updatedAt } from "./columns";
import { interviews } from "./interviews";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";

export const reportStatus = pgEnum("report_status", ["PENDING", "GENERATING", "READY", "FAILED"]);
export const recommendation = pgEnum("recommendation", ["STRONG_YES", "YES", "NO_DECISION", "NO", "DEFINITELY_NO"]);

export type EvidenceQuote = { quote: string; turnNumber: number };
export type ScorecardCriterion = {
  key: string;
  label: string;
  weight: number;
  score: number | null;
  rationale: string;
  evidence: EvidenceQuote[];
};
export type Scorecard = { criteria: ScorecardCriterion[] };

export const reports = pgTable(
  "reports",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    interviewId: text("interview_id").notNull(),
    // Regenerating makes a new version; old versions are kept.
    version: integer("version").notNull().default(1),
    status: reportStatus("status").notNull().default("PENDING"),
    summary: text("summary"),
    strengths: jsonb("strengths").$type<string[]>(),
    concerns: jsonb("concerns").$type<string[]>(),
    recommendation: recommendation("recommendation"),
    overallScore: real("overall_score"),
    scorecard: jsonb("scorecard").$type<Scorecard>(),
    // Quotes the model offered that were not found in the candidate's turns, and so were dropped.
    droppedQuotes: integer("dropped_quotes").notNull().default(0),
    model: text("model"),
    promptVersion: text("prompt_version"),
    configVersion: integer("config_version"),
    failureReason: text("failure_reason"),
    generatedAt: ts("generated_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Composite foreign keys point here (organization_id, id), so a row can only reference a report
    // of its own organisation (the database, not only the queries, keeps tenants apart).
    unique("reports_org_id_key").on(t.organizationId, t.id),
    sameOrgReference("reports_interview_id_fk", t, t.interviewId, interviews).onDelete("cascade"),
    // An interview's report versions, newest first; one row per version.
    uniqueIndex("reports_interview_version_key").on(t.interviewId, t.version),
    // Console: the organisation's recent reports, newest first, read backwards (see
    // candidates_org_created_idx).
    index("reports_org_created_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);

export type Report = typeof reports.$inferSelect;
export type ReportStatus = (typeof reportStatus.enumValues)[number];
export type Recommendation = (typeof recommendation.enumValues)[number];
