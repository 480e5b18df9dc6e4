import { env } from "@/lib/env";
import { systemClock } from "./clock";
import { nextStep } from "./engine";
import { openAIInterviewerModel } from "./openai-model";
import type { Clock, EngineInput, EngineOptions, InterviewerModel, Step } from "./types";

export { inputFromHistory, toInterviewerConfig, type InterviewerConfig } from "./adapter";
export { turnWrites } from "./writes";
export type { AgentAction, Clock, EngineInput, EngineTurn, InterviewerModel, Outcome, Step } from "./types";

export type Interviewer = {
  /** "scripted" without a model, else the model's name. */
  readonly mode: string;
  next(input: EngineInput, how?: { resume?: boolean }): Promise<Step>;
};

export function createInterviewer(options: EngineOptions): Interviewer {
  return { mode: options.model?.name ?? "scripted", next: (input, how) => nextStep(input, options, how) };
}

/**
 * The interviewer as the settings describe it: with OPENAI_API_KEY, the model INTERVIEWER_MODEL
 * (default OPENAI_MODEL) at OPENAI_BASE_URL; without, the scripted interviewer.
 */
export function interviewerFromEnv(overrides: { clock?: Clock; model?: InterviewerModel | null } = {}): Interviewer {
  const e = env();
  const model =
    overrides.model !== undefined
      ? overrides.model
      : e.OPENAI_API_KEY
        ? openAIInterviewerModel({ apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.INTERVIEWER_MODEL ?? e.OPENAI_MODEL, timeoutMs: e.INTERVIEWER_MODEL_TIMEOUT_MS })
        : null;
  return createInterviewer({
    clock: overrides.clock ?? systemClock,
    model,
    followUpBudget: e.INTERVIEWER_FOLLOW_UPS,
    modelTimeoutMs: e.INTERVIEWER_MODEL_TIMEOUT_MS,
  });
}
