import { index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { interviews } from "./interviews";
import { organizations } from "./organizations";

export const interviewMode = pgEnum("interview_mode", ["voice", "text"]);

// A candidate's consent, one row per successful join: which notice they were shown (the hash
// of its exact text), in which language, for which mode. Rows are only ever added (a trigger
// refuses UPDATE), and hold no address or browser detail.
export const interviewConsents = pgTable(
  "interview_consents",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    interviewId: text("interview_id")
      .notNull()
      .references(() => interviews.id, { onDelete: "cascade" }),
    noticeVersion: text("notice_version").notNull(),
    locale: text("locale").notNull(),
    mode: interviewMode("mode").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // The interview page and GET /api/v1/interviews/:id: one interview's consents, oldest first.
    index("interview_consents_interview_created_idx").on(t.interviewId, t.createdAt, t.id),
  ],
);

export type InterviewConsent = typeof interviewConsents.$inferSelect;
export type InterviewMode = (typeof interviewMode.enumValues)[number];
