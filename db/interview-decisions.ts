import { index, pgEnum, pgTable, text, boolean } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { interviews } from "./interviews";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";
import { recommendation, reports } from "./reports";

export const decisionOutcome = pgEnum("decision_outcome", ["ADVANCE", "REJECT", "HOLD"]);

// A person's decision on an interview, kept beside the AI's report and never written into it.
// Rows are only ever added: deciding again adds a row, and the newest row is the decision.
export const interviewDecisions = pgTable(
  "interview_decisions",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    interviewId: text("interview_id").notNull(),
    outcome: decisionOutcome("outcome").notNull(),
    agreesWithRecommendation: boolean("agrees_with_recommendation").notNull(),
    reason: text("reason"),
    // The report version the person read, and its recommendation at that moment: a later
    // regeneration does not change what they agreed or disagreed with.
    reportId: text("report_id"),
    recommendation: recommendation("recommendation"),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    createdAt: createdAt(),
  },
  (t) => [
    sameOrgReference("interview_decisions_interview_id_fk", t, t.interviewId, interviews).onDelete("cascade"),
    sameOrgReference("interview_decisions_report_id_fk", t, t.reportId, reports).onDelete("set null"),
    // The interview's current decision (newest row) and its history: exactly the order of
    // `distinct on (interview_id) … order by interview_id, created_at desc, id desc`. NULLS
    // FIRST is what `desc` means in an ORDER BY; drizzle's bare `.desc()` would be NULLS LAST,
    // which that ORDER BY cannot use (see candidates_org_created_idx).
    index("interview_decisions_interview_created_idx").on(t.interviewId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Dashboard: the organisation's decisions against recommendations.
    index("interview_decisions_org_created_idx").on(t.organizationId, t.createdAt, t.id),
  ],
);

export type InterviewDecision = typeof interviewDecisions.$inferSelect;
export type DecisionOutcome = (typeof decisionOutcome.enumValues)[number];
