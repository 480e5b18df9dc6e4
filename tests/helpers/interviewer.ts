import type { InterviewerConfig } from "@/lib/interviewer/adapter";
import { nextStep } from "@/lib/interviewer/engine";
import type { Clock, EngineInput, EngineOptions, EngineTurn, InterviewerModel, ModelRequest, Step } from "@/lib/interviewer/types";
import { turnWrites } from "@/lib/interviewer/writes";

// Engine tests: a clock the test moves, a model the test scripts, and a session that records
// each step's turns the way the transports do (through turnWrites).

export const T0 = Date.parse("2025-03-01T10:00:00.000Z");

/** Time moves only when the test says so; `wait` resolves when it has moved far enough. */
export class FakeClock implements Clock {
  private waiters: { at: number; resolve: () => void }[] = [];
  private onWait: (() => void)[] = [];
  constructor(public t = T0) {}
  now = () => this.t;
  wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const waiter = { at: this.t + ms, resolve };
      this.waiters.push(waiter);
      signal.addEventListener("abort", () => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      });
      this.onWait.splice(0).forEach((f) => f());
    });
  /** Resolves once something waits on this clock (e.g. a step's model timeout). */
  whenWaiting = () => (this.waiters.length ? Promise.resolve() : new Promise<void>((r) => this.onWait.push(r)));
  get waiting() {
    return this.waiters.length;
  }
  advance(ms: number) {
    this.t += ms;
    const due = this.waiters.filter((w) => w.at <= this.t);
    this.waiters = this.waiters.filter((w) => w.at > this.t);
    due.forEach((w) => w.resolve());
  }
  /** Puts the clock at `minutes` after T0 (when the first turn is recorded in these tests). */
  at(minutes: number) {
    this.advance(T0 + minutes * 60_000 - this.t);
  }
}

export const QUESTIONS = [
  { id: "q1", text: "Could you walk me through your background?", followUps: ["What was your own role?"] },
  { id: "q2", text: "Tell me about a project you are proud of.", followUps: [] },
  { id: "q3", text: "What would you like to achieve in your first six months?", followUps: [] },
];

export function testConfig(over: Partial<InterviewerConfig> = {}): InterviewerConfig {
  return {
    language: "en",
    intro: "Hello, I am Parley, an AI interviewer. This conversation is recorded.",
    questions: QUESTIONS,
    criteria: [
      { key: "communication", label: "Clarity", weight: 1, anchors: { "1": "Hard to follow.", "5": "Clear and structured." } },
      { key: "experience", label: "Relevant experience", weight: 1, anchors: { "1": "No example.", "5": "Specific examples." } },
    ],
    maxDurationMinutes: 10,
    ...over,
  };
}

/** The JSON a well-behaved model answers for one step; override what the test is about. */
export function modelAnswer(over: Record<string, unknown> = {}) {
  return { intent: "answer", needsFollowUp: false, followUp: null, ratings: [], ...over };
}

/** The candidate's words as the prompt carries them (between the delimiters). */
export function candidateWordsIn(request: ModelRequest): string {
  const user = request.messages.find((m) => m.role === "user")!.content;
  const inside = user.slice(user.indexOf("<candidate_answer>\n") + 19, user.lastIndexOf("\n</candidate_answer>"));
  return JSON.parse(inside) as string;
}

/** The step's context as the prompt carries it (the JSON before the candidate's words). */
export function payloadOf(request: ModelRequest): Record<string, unknown> {
  const user = request.messages.find((m) => m.role === "user")!.content;
  return JSON.parse(user.slice(user.indexOf("{"), user.indexOf("\n\nThe candidate's answer")));
}

export type FakeModel = InterviewerModel & { requests: ModelRequest[] };

/** A model answering with `answer(request, n)`: a value, a promise, or a thrown error. */
export function fakeModel(answer: (request: ModelRequest, n: number) => unknown): FakeModel {
  const requests: ModelRequest[] = [];
  return {
    name: "fake-model",
    requests,
    decide: async (request) => {
      requests.push(request);
      return answer(request, requests.length);
    },
  };
}

/** One interview in memory: turns recorded as a transport would, from each step's writes. */
export class Session {
  turns: EngineTurn[] = [];
  startedAt: number | null = null;
  steps: Step[] = [];
  constructor(
    readonly clock: FakeClock,
    readonly options: Partial<EngineOptions> = {},
    readonly config: InterviewerConfig = testConfig(),
    readonly firstName = "Ada",
  ) {}

  input(): EngineInput {
    return {
      config: this.config,
      candidate: { firstName: this.firstName },
      job: { title: "Backend engineer", description: "Services in TypeScript." },
      startedAt: this.startedAt === null ? null : new Date(this.startedAt).toISOString(),
      turns: this.turns.map((t) => ({ ...t })),
    };
  }

  engineOptions(): EngineOptions {
    return { clock: this.clock, model: null, followUpBudget: 2, modelTimeoutMs: 5000, ...this.options };
  }

  async step(how: { resume?: boolean } = {}): Promise<Step> {
    const step = await nextStep(this.input(), this.engineOptions(), how);
    this.apply(step);
    return step;
  }

  apply(step: Step) {
    this.steps.push(step);
    const { updates, creates } = turnWrites(step, this.turns);
    for (const u of updates) Object.assign(this.turns.find((t) => t.turnNumber === u.turnNumber)!, u.body);
    for (const c of creates) this.record({ turnNumber: c.turnNumber, role: "agent", content: c.content, isPendingQuestion: c.isPendingQuestion, evaluation: c.evaluation });
  }

  say(content: string) {
    const turnNumber = (this.turns.at(-1)?.turnNumber ?? 0) + 1;
    this.record({ turnNumber, role: "candidate", content, isPendingQuestion: false, evaluation: null });
  }

  private record(turn: EngineTurn) {
    this.startedAt ??= this.clock.now();
    this.turns.push(turn);
  }

  agentTurns = () => this.turns.filter((t) => t.role === "agent");
  last = () => this.turns.at(-1)!;
}
