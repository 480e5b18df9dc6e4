import type { z } from "zod";
import type { InterviewerConfig } from "./adapter";

/** A turn as GET /api/interviews/:id/history returns it (the fields the engine reads). */
export type EngineTurn = {
  turnNumber: number;
  role: "agent" | "candidate";
  content: string;
  isPendingQuestion: boolean;
  evaluation: Record<string, unknown> | null;
};

export type EngineInput = {
  config: InterviewerConfig;
  candidate: { firstName: string };
  job: { title: string; description: string | null };
  /** When the first turn was recorded (history's `startedAt`); null before the interview starts. */
  startedAt: string | Date | null;
  turns: EngineTurn[];
};

/**
 * Time, injected so tests control it. `wait` resolves after `ms` of this clock's time, or at
 * once when `signal` aborts; it never rejects.
 */
export type Clock = { now(): number; wait(ms: number, signal: AbortSignal): Promise<void> };

export type ActionKind = "intro" | "question" | "follow_up" | "clarify" | "repeat" | "time_notice" | "wrap_up" | "end";
export type Outcome = "completed" | "timeUp" | "humanRequested";

/** One agent utterance: the words to say and the turn to record for it. */
export type AgentAction = {
  kind: ActionKind;
  say: string;
  /** Record the agent turn with this flag: it waits for the candidate's answer. */
  isPendingQuestion: boolean;
  /** The configured question this utterance belongs to (question, follow-up, clarify, repeat). */
  questionId: string | null;
  /** What to store as the agent turn's `evaluation`: how a restarted engine recognises the step. */
  evaluation: Record<string, unknown>;
};

export type Step = {
  /** Say these in order, each recorded as one agent turn; empty: wait for the candidate. */
  actions: AgentAction[];
  /** Store this `evaluation` on the candidate's turn: the rating of the answer just given. */
  answer: { turnNumber: number; evaluation: Record<string, unknown> } | null;
  /** A pending question the candidate has now replied to: clear its flag. */
  answeredTurnNumber: number | null;
  done: boolean;
  outcome: Outcome | null;
  /** For "question n of m": configured questions asked so far, this step's included. */
  progress: { asked: number; total: number };
  time: { elapsedSeconds: number; remainingSeconds: number };
  /** How this step was decided: by the script, by the model, or by the script because the model's answer was refused. */
  source: "scripted" | "model" | "fallback";
  /** Why the model's answer was not used (source "fallback"), for logs. */
  fallbackReason: string | null;
};

/** What the engine asks the model for, once per step that follows an answer. */
export type ModelRequest = {
  messages: { role: "system" | "user"; content: string }[];
  /** The answer's zod schema: sent as a strict JSON schema, and used again to validate. */
  schema: z.ZodType;
};

/** A model behind one structured-output call; resolves with the parsed JSON, or rejects. */
export type InterviewerModel = { name: string; decide(request: ModelRequest, signal: AbortSignal): Promise<unknown> };

export type EngineOptions = {
  clock: Clock;
  /** Null: the deterministic scripted interviewer (docs/interviewer.md). */
  model: InterviewerModel | null;
  /** Follow-up questions allowed per configured question. */
  followUpBudget: number;
  /** A model answer later than this is ignored and the script goes on. */
  modelTimeoutMs: number;
};
