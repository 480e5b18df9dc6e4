import type { InterviewConfigSnapshot } from "@/db/interview-configs";
import type { HistoryOut } from "@/lib/api/schemas/agent";
import type { EngineInput } from "./types";

// The one place the engine learns what a configuration looks like. The configuration's zod
// schema is being unified elsewhere; when it moves, only this file needs repointing.

export type InterviewerQuestion = { id: string; text: string; followUps: string[] };
export type InterviewerCriterion = { key: string; label: string; anchors: Record<string, string> };

/** What the interviewer needs from a configuration snapshot, and nothing else. */
export type InterviewerConfig = {
  /** BCP 47 tag as configured ("en", "fr-CA"); scripted lines use its primary subtag. */
  language: string;
  intro: string;
  questions: InterviewerQuestion[];
  criteria: InterviewerCriterion[];
  maxDurationMinutes: number;
};

/** The snapshot frozen on the interview row, or the `config` block of GET /history. */
export type ConfigSource = Pick<InterviewConfigSnapshot, "language" | "intro" | "questions" | "criteria" | "maxDurationMinutes"> | HistoryOut["config"];

export function toInterviewerConfig(source: ConfigSource): InterviewerConfig {
  return {
    language: source.language,
    intro: source.intro,
    questions: source.questions.map((q) => ({ id: q.id, text: q.text, followUps: q.followUps ?? [] })),
    criteria: source.criteria.map((c) => ({
      key: c.key,
      label: c.label,
      anchors: Object.fromEntries(Object.entries(c.anchors).filter((e): e is [string, string] => typeof e[1] === "string")),
    })),
    maxDurationMinutes: source.maxDurationMinutes,
  };
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
