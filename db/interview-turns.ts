import { boolean, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { interviews } from "./interviews";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";

export const turnRole = pgEnum("turn_role", ["agent", "candidate"]);

export const interviewTurns = pgTable(
  "interview_turns",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    interviewId: text("interview_id").notNull(),
    turnNumber: integer("turn_number").notNull(),
    role: turnRole("role").notNull(),
    content: text("content").notNull().default(""),
    audioUrl: text("audio_url"),
    isPendingQuestion: boolean("is_pending_question").notNull().default(false),
    evaluation: jsonb("evaluation").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    sameOrgReference("interview_turns_interview_id_fk", t, t.interviewId, interviews).onDelete("cascade"),
    // One row per turn number: agent retries collapse onto it; also serves the ordered history read.
    uniqueIndex("interview_turns_interview_turn_key").on(t.interviewId, t.turnNumber),
  ],
);

export type InterviewTurn = typeof interviewTurns.$inferSelect;
export type TurnRole = (typeof turnRole.enumValues)[number];
