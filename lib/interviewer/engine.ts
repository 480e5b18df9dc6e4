import type { InterviewerConfig } from "./adapter";
import { decideWithModel, type Decision } from "./decision";
import { detectIntent } from "./intents";
import { lines } from "./lines";
import { nextQuestion, readState, type Ask, type PlanState } from "./state";
import type { AgentAction, EngineInput, EngineOptions, Outcome, Step } from "./types";

/** Share of the configured duration at which the time notice is given and follow-ups stop. */
export const TIME_NOTICE_AT = 0.8;
/** Clarifications in a row the candidate may ask for on one question before the script moves on. */
export const MAX_CLARIFICATIONS = 2;

type Time = { elapsedSeconds: number; remainingSeconds: number; fraction: number };

function timeOf(input: EngineInput, now: number): Time {
  const total = input.config.maxDurationMinutes * 60;
  const started = input.startedAt === null ? null : new Date(input.startedAt).getTime();
  const elapsedSeconds = started === null || Number.isNaN(started) ? 0 : Math.max(0, Math.floor((now - started) / 1000));
  return { elapsedSeconds, remainingSeconds: Math.max(0, total - elapsedSeconds), fraction: total > 0 ? elapsedSeconds / total : 1 };
}

const agent = (kind: AgentAction["kind"], say: string, questionId: string | null, extra: Record<string, unknown> = {}): AgentAction => {
  const asks = kind === "question" || kind === "follow_up" || kind === "clarify" || kind === "repeat";
  return { kind, say, isPendingQuestion: asks, questionId, evaluation: { action: kind, ...(questionId ? { questionId } : {}), ...extra } };
};

/**
 * The engine: from the configuration, the turns so far and the clock, what the interviewer
 * does next. Code owns the plan (order, follow-up budget, time, when it is done); the model,
 * when there is one, only rates the answer and may propose one follow-up, which is checked.
 * `resume`: the transport has just (re)started, so a question still waiting is put again.
 */
export async function nextStep(input: EngineInput, options: EngineOptions, how: { resume?: boolean } = {}): Promise<Step> {
  const { config } = input;
  const time = timeOf(input, options.clock.now());
  const state = readState(input.turns, config);
  const say = lines(config.language);
  const name = input.candidate.firstName;
  const step = (actions: AgentAction[], extra: Partial<Step> = {}): Step => {
    const outcome = actions.map((a) => a.evaluation.outcome as Outcome | undefined).find(Boolean) ?? extra.outcome ?? null;
    return {
      actions,
      answer: null,
      answeredTurnNumber: state.ask?.isPendingQuestion && !state.pendingAsk && state.reply.length ? state.ask.turnNumber : null,
      done: outcome !== null,
      outcome,
      progress: { asked: state.asked.length + actions.filter((a) => a.kind === "question").length, total: config.questions.length },
      time: { elapsedSeconds: time.elapsedSeconds, remainingSeconds: time.remainingSeconds },
      source: "scripted",
      fallbackReason: null,
      ...extra,
    };
  };
  const end = (outcome: Outcome) =>
    outcome === "timeUp"
      ? agent("wrap_up", say.wrapUp(name), null, { outcome })
      : agent("end", outcome === "humanRequested" ? say.humanRequested(name) : say.closing(name), null, { outcome });

  /** The plan's next move once the current question is settled: next question, or the end. */
  const advance = (): AgentAction[] => {
    if (time.fraction >= 1) return [end("timeUp")];
    const next = nextQuestion(state, config);
    if (!next) return [end("completed")];
    const notice = time.fraction >= TIME_NOTICE_AT && !state.timeNoticeGiven;
    const minutes = Math.max(1, Math.ceil(time.remainingSeconds / 60));
    const words = state.asked.length ? `${say.acknowledgement} ${next.question.text}` : next.question.text;
    return [...(notice ? [agent("time_notice", say.timeNotice(minutes), null)] : []), agent("question", words, next.question.id)];
  };

  if (state.ended) return step([], { done: true, outcome: state.ended });

  const replyText = state.reply.map((t) => t.content).join("\n");
  const codeIntent = detectIntent(replyText);
  // Asking for a person or to stop ends the interview wherever it stands.
  if (codeIntent === "human" || codeIntent === "stop") return step([end("humanRequested")]);

  if (!state.introSaid) return step([agent("intro", config.intro, null), ...advance()]);

  if (state.pendingAsk) {
    if (time.fraction >= 1) return step([end("timeUp")]);
    if (how.resume) return step([agent("repeat", say.cutOff(state.pendingAsk.text), state.pendingAsk.questionId)]);
    return step([]);
  }

  if (!state.replyAnswersAsk || !state.ask) return step(advance());
  return answerStep(state, state.ask, codeIntent === "repeat");

  async function answerStep(state: PlanState, ask: Ask, askedToRepeat: boolean): Promise<Step> {
    const canClarify = time.fraction < 1 && ask.clarifies < MAX_CLARIFICATIONS;
    const clarify = () => step([agent("clarify", say.clarify(ask.text), ask.questionId)]);
    if (askedToRepeat && canClarify) return clarify();

    const lastReply = state.reply.at(-1)!;
    const usedFollowUps = state.followUps.get(ask.questionId) ?? 0;
    const followUpAllowed = time.fraction < TIME_NOTICE_AT && usedFollowUps < options.followUpBudget;
    const scripted = { turnNumber: lastReply.turnNumber, evaluation: { questionId: ask.questionId } };
    // A repeat request past its limit is not an answer: nothing to rate, the plan moves on.
    const wantsModel = options.model && !askedToRepeat && (config.criteria.length > 0 || followUpAllowed);
    if (!wantsModel) return step(advance(), { answer: scripted });

    const result = await decideWithModel(options.model!, promptContext(input, state, ask, followUpAllowed, options.followUpBudget - usedFollowUps), {
      clock: options.clock,
      timeoutMs: options.modelTimeoutMs,
      askedTexts: state.askedTexts,
    });
    if (!result.ok) return step(advance(), { answer: scripted, source: "fallback", fallbackReason: result.reason });
    const d: Decision = result.decision;
    if (d.intent === "human" || d.intent === "stop") return step([end("humanRequested")], { source: "model" });
    if (d.intent === "repeat" && canClarify) return { ...clarify(), source: "model" };

    const answer = { turnNumber: lastReply.turnNumber, evaluation: { questionId: ask.questionId, ...d.rating } };
    if (d.refusedFollowUp) return step(advance(), { answer, source: "fallback", fallbackReason: `follow-up refused: ${d.refusedFollowUp}` });
    if (d.followUp && followUpAllowed) return step([agent("follow_up", d.followUp, ask.questionId)], { answer, source: "model" });
    return step(advance(), { answer, source: "model" });
  }
}

/** What the model sees of this step: the current question's exchange and the reply to it. */
function promptContext(input: EngineInput, state: PlanState, ask: Ask, followUpAllowed: boolean, followUpsLeft: number) {
  const config: InterviewerConfig = input.config;
  const sorted = [...input.turns].sort((a, b) => a.turnNumber - b.turnNumber);
  const firstOfQuestion = sorted.find((t) => t.role === "agent" && t.evaluation?.questionId === ask.questionId)?.turnNumber ?? ask.turnNumber;
  const replyStart = state.reply[0]!.turnNumber;
  const exchange = sorted
    .filter((t) => t.turnNumber >= firstOfQuestion && t.turnNumber < replyStart && t.content.trim())
    .map((t) => ({ role: t.role === "agent" ? ("interviewer" as const) : ("candidate" as const), text: t.content }));
  const upcomingQuestions = config.questions.filter((q) => !state.asked.includes(q.id)).map((q) => q.text);
  return { config, job: input.job, questionId: ask.questionId, exchange, reply: state.reply, followUpAllowed, followUpsLeft: Math.max(0, followUpsLeft), upcomingQuestions };
}
