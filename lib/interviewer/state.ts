import type { InterviewerConfig } from "./adapter";
import type { ActionKind, EngineTurn, Outcome } from "./types";

// Where the interview stands, read from its turns alone: nothing survives a crash but the
// history, so everything the engine decides is derived from it each time.

const ACTIONS: readonly ActionKind[] = ["intro", "question", "follow_up", "clarify", "repeat", "time_notice", "wrap_up", "end"];
const ASKS: readonly ActionKind[] = ["question", "follow_up", "clarify", "repeat"];
const OUTCOMES: readonly Outcome[] = ["completed", "timeUp", "humanRequested"];

type Marker = { action: ActionKind; questionId: string | null; outcome: Outcome | null };

/**
 * The step an agent turn recorded, from its `evaluation`: `action` as this engine writes it,
 * or, for turns written by other agents (the simulator), just the `questionId` convention.
 */
export function markerOf(turn: EngineTurn, config: InterviewerConfig): Marker | null {
  const e = turn.evaluation ?? {};
  const questionId = typeof e.questionId === "string" ? e.questionId : null;
  const outcome = OUTCOMES.find((o) => o === e.outcome) ?? null;
  const action = ACTIONS.find((a) => a === e.action);
  if (action) return { action, questionId: action === "intro" ? null : questionId, outcome };
  if (questionId === "intro") return { action: "intro", questionId: null, outcome: null };
  if (questionId && config.questions.some((q) => q.id === questionId)) return { action: "question", questionId, outcome: null };
  return null;
}

export type Ask = {
  turnNumber: number;
  kind: ActionKind;
  questionId: string;
  /** The question itself, to say again: the configured text, or the follow-up's words. */
  text: string;
  isPendingQuestion: boolean;
  /** Clarifications the candidate asked for since this question or follow-up was put. */
  clarifies: number;
};

export type PlanState = {
  introSaid: boolean;
  ended: Outcome | null;
  /** Configured questions asked, in the order asked. */
  asked: string[];
  followUps: Map<string, number>;
  timeNoticeGiven: boolean;
  /** The latest question, follow-up, clarification or repeat. */
  ask: Ask | null;
  /** That ask, if no candidate has said anything since it. */
  pendingAsk: Ask | null;
  /** Non-empty candidate turns after the latest agent turn: what this step responds to. */
  reply: EngineTurn[];
  /** The reply answers `ask` (the latest agent turn asked something). */
  replyAnswersAsk: boolean;
  /** Every question put so far (for the check that a follow-up does not repeat one). */
  askedTexts: string[];
};

export function readState(turns: readonly EngineTurn[], config: InterviewerConfig): PlanState {
  const state: PlanState = {
    introSaid: false,
    ended: null,
    asked: [],
    followUps: new Map(),
    timeNoticeGiven: false,
    ask: null,
    pendingAsk: null,
    reply: [],
    replyAnswersAsk: false,
    askedTexts: [],
  };
  let lastAgentIsAsk = false;
  const sorted = [...turns].sort((a, b) => a.turnNumber - b.turnNumber);
  for (const turn of sorted) {
    if (turn.role === "candidate") {
      if (!turn.content.trim()) continue;
      state.reply.push(turn);
      state.pendingAsk = null;
      continue;
    }
    state.reply = [];
    // Any agent turn means the candidate has been greeted, whoever wrote it.
    state.introSaid = true;
    const marker = markerOf(turn, config);
    lastAgentIsAsk = false;
    if (!marker) continue;
    if (marker.action === "end" || marker.action === "wrap_up") state.ended = marker.outcome ?? (marker.action === "wrap_up" ? "timeUp" : "completed");
    if (marker.action === "time_notice") state.timeNoticeGiven = true;
    if (!ASKS.includes(marker.action) || !marker.questionId) continue;
    const qid = marker.questionId;
    const configured = config.questions.find((q) => q.id === qid);
    let text = turn.content;
    let clarifies = 0;
    if (marker.action === "question") {
      text = configured?.text ?? turn.content;
      if (!state.asked.includes(qid)) state.asked.push(qid);
    } else if (marker.action === "follow_up") {
      state.followUps.set(qid, (state.followUps.get(qid) ?? 0) + 1);
    } else if (state.ask?.questionId === qid) {
      // A clarification or a repeat puts the same question again.
      text = state.ask.text;
      clarifies = state.ask.clarifies + (marker.action === "clarify" ? 1 : 0);
    }
    state.askedTexts.push(text);
    state.ask = { turnNumber: turn.turnNumber, kind: marker.action, questionId: qid, text, isPendingQuestion: turn.isPendingQuestion, clarifies };
    state.pendingAsk = state.ask;
    lastAgentIsAsk = true;
  }
  state.replyAnswersAsk = lastAgentIsAsk && state.reply.length > 0;
  return state;
}

/** The next configured question not asked yet, in the configured order. */
export function nextQuestion(state: PlanState, config: InterviewerConfig) {
  const index = config.questions.findIndex((q) => !state.asked.includes(q.id));
  return index === -1 ? null : { index, question: config.questions[index]! };
}
