import type { HistoryOut } from "@/lib/api/schemas/agent";
import type { InterviewConfigContent } from "@/lib/interview-configs/schema";
import type { EngineInput } from "./types";

// The engine reads a configuration in its one shape (lib/interview-configs/schema.ts), the
// shape of both the snapshot frozen on the interview row and the `config` block of GET
// /history; it takes only the parts it needs.

/**
 * What the interviewer needs from a configuration, and nothing else. `language` is a BCP 47
 * tag as configured ("en", "fr-CA"); scripted lines use its primary subtag.
 */
export type InterviewerConfig = Pick<InterviewConfigContent, "language" | "intro" | "questions" | "criteria" | "maxDurationMinutes">;

/** The interviewer's part of a snapshot (InterviewConfigSnapshot) or of the history's `config`. */
export function toInterviewerConfig(source: InterviewerConfig): InterviewerConfig {
  const { language, intro, questions, criteria, maxDurationMinutes } = source;
  return { language, intro, questions, criteria, maxDurationMinutes };
}

/** The engine's input from GET /api/interviews/:id/history (or the same data read in-process). */
export function inputFromHistory(history: Pick<HistoryOut, "config" | "candidate" | "job" | "startedAt" | "turns">): EngineInput {
  return {
    config: toInterviewerConfig(history.config),
    candidate: { firstName: history.candidate.firstName },
    job: history.job,
    startedAt: history.startedAt,
    turns: history.turns.map((t) => ({ turnNumber: t.turnNumber, role: t.role, content: t.content, isPendingQuestion: t.isPendingQuestion, evaluation: t.evaluation })),
  };
}
