import { readState } from "@/lib/interviewer/state";
import { advance, type Advanced } from "@/lib/interviewer/driver";
import type { Clock, EngineInput, EngineTurn, Outcome } from "@/lib/interviewer";
import type { Interviewer } from "@/lib/interviewer";
import { AgentHttpError, InterviewClosedError, type VoicePort } from "./http-port";
import { voiceLines } from "./lines";

// The voice interview as a loop over a small speech interface, so the same code runs in a
// LiveKit room (agent/interviewer-agent.ts) and in tests with a fake one. What it adds to the
// engine is what only a live conversation has: when the candidate's utterance ends, silence,
// leaving and coming back, and a timer so the time limit holds while nobody speaks.

/** What the transport reports about the candidate. */
export type CandidateEvent =
  /** A final transcript; `spokenAt` is when the candidate started saying it (ms, the clock's time base). */
  | { type: "transcript"; text: string; spokenAt: number }
  /** The candidate started speaking (not transcribed yet): they are not silent. */
  | { type: "speaking" }
  /** The candidate's turn is over (end-of-turn detection). */
  | { type: "turnEnd" }
  | { type: "left" }
  | { type: "joined" };

export type Speech = {
  /** Says the words; resolves once they have been played out. */
  say(text: string): Promise<void>;
  onCandidate(listener: (event: CandidateEvent) => void): () => void;
};

export type ConversationSettings = {
  /** After a question, silence this long gets a check-in… */
  silenceCheckInMs: number;
  /** …and this much more silence a polite end. */
  silenceEndMs: number;
  /** How long a candidate who left has to come back before the interview is closed. */
  rejoinGraceMs: number;
  /** Final transcripts with no end of turn after them (said over the agent) count as a turn after this. */
  settleMs: number;
};

// settleMs is longer than the session's own end-of-turn wait, so it only closes a turn no end of turn will come for.
export const defaultConversationSettings: ConversationSettings = { silenceCheckInMs: 30_000, silenceEndMs: 30_000, rejoinGraceMs: 120_000, settleMs: 8_000 };

export type ConversationEnd =
  /** The engine ended the interview; it is finalized. */
  | { reason: "ended"; outcome: Outcome }
  /** Silence after the check-in; finalized if the candidate had said anything, else left open. */
  | { reason: "silence"; finalized: boolean }
  /** The candidate left and did not come back in time; finalized if they had said anything. */
  | { reason: "abandoned"; finalized: boolean }
  /** The interview was completed, cancelled or expired by someone else. */
  | { reason: "closed" }
  | { reason: "stopped" };

export type ConversationOptions = {
  interviewer: Interviewer;
  port: VoicePort;
  clock: Clock;
  speech: Speech;
  settings?: Partial<ConversationSettings>;
  log?: (message: string, fields?: Record<string, unknown>) => void;
};

type Timer = { cancel(): void };
type TimerName = "silence" | "settle" | "deadline" | "grace";

export class Conversation {
  private readonly settings: ConversationSettings;
  private readonly log: NonNullable<ConversationOptions["log"]>;
  private chain: Promise<unknown> = Promise.resolve();
  private highest = 0;
  private present = true;
  private buffer: { text: string; spokenAt: number }[] = [];
  private candidateSpoke = false;
  private timers: Partial<Record<TimerName, Timer>> = {};
  private silenceStage: 0 | 1 = 0;
  /** Bumped whenever the silence count restarts: a count that fired before that is stale. */
  private silenceEpoch = 0;
  private finished = false;
  private unsubscribe: () => void = () => {};
  private settle!: { resolve: (end: ConversationEnd) => void; reject: (err: unknown) => void };
  readonly done: Promise<ConversationEnd>;

  constructor(private readonly o: ConversationOptions) {
    this.settings = { ...defaultConversationSettings, ...o.settings };
    this.log = o.log ?? (() => {});
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  /** Starts (or resumes, after a crash or a new dispatch) with the candidate in the room. */
  start(): Promise<ConversationEnd> {
    this.unsubscribe = this.o.speech.onCandidate((e) => this.onCandidate(e));
    this.serial(async () => {
      const history = await this.o.port.history();
      if (!["DRAFT", "INVITED", "IN_PROGRESS"].includes(history.status)) return this.finish({ reason: "closed" });
      this.candidateSpoke = history.turns.some((t) => t.role === "candidate" && t.content.trim());
      await this.step(true);
    });
    return this.done;
  }

  /** The room or the job is going away: stop without writing anything more. */
  stop(): void {
    this.finish({ reason: "stopped" });
  }

  private onCandidate(event: CandidateEvent): void {
    if (this.finished) return;
    switch (event.type) {
      case "transcript":
        if (!event.text.trim()) return;
        this.buffer.push({ text: event.text.trim(), spokenAt: event.spokenAt });
        this.candidateSpoke = true;
        this.hearing(); // with words buffered, no silence is counted until the engine has answered
        this.armSettle();
        return;
      case "speaking":
        this.hearing();
        // Still talking: the words heard so far wait for the rest.
        if (this.buffer.length) this.armSettle();
        return;
      case "turnEnd":
        if (this.buffer.length) this.flush();
        return;
      case "left":
        if (!this.present) return;
        this.present = false;
        this.cancel("silence", "settle", "deadline");
        // What they said before dropping is kept; the engine answers it when they are back.
        if (this.buffer.length) this.flush();
        this.timers.grace = this.timer(this.settings.rejoinGraceMs, () => this.serial(() => this.abandon()));
        return;
      case "joined":
        if (this.present) return;
        this.present = true;
        this.cancel("grace");
        this.serial(() => this.step(true));
        return;
    }
  }

  private armSettle(): void {
    this.cancel("settle");
    this.timers.settle = this.timer(this.settings.settleMs, () => this.flush());
  }

  /** The candidate is talking: whatever silence was counted starts again. */
  private hearing(): void {
    this.silenceStage = 0;
    this.armSilence();
  }

  /** (Re)starts the silence count: a check-in after it, or the end after a check-in. */
  private armSilence(): void {
    this.cancel("silence");
    const epoch = ++this.silenceEpoch;
    if (this.finished || !this.present || this.buffer.length) return;
    const ms = this.silenceStage === 0 ? this.settings.silenceCheckInMs : this.settings.silenceEndMs;
    this.timers.silence = this.timer(ms, () => this.serial(() => this.onSilence(epoch)));
  }

  /** Records the buffered transcripts as one candidate turn, in the order they were spoken, then lets the engine answer. */
  private flush(): void {
    this.cancel("settle");
    const parts = this.buffer.splice(0).sort((a, b) => a.spokenAt - b.spokenAt);
    if (!parts.length) return;
    const content = parts.map((p) => p.text).join(" ");
    this.serial(async () => {
      await this.record({ role: "candidate", content });
      if (this.present && !this.buffer.length) await this.step(false);
    });
  }

  /** One engine move (lib/interviewer/driver.ts), then its words said in order. */
  private async step(resume: boolean): Promise<void> {
    if (this.finished) return;
    const moved: Advanced = await advance(this.o.interviewer, this.o.port, { resume });
    this.track(moved.input.turns);
    this.track(moved.created);
    this.log("interviewer step", { actions: moved.step.actions.map((a) => a.kind), done: moved.step.done, source: moved.step.source, fallbackReason: moved.step.fallbackReason });
    await this.clearReplacedWaits(moved);
    for (const turn of moved.created) await this.o.speech.say(turn.content);
    if (moved.step.done) return this.finish({ reason: "ended", outcome: moved.step.outcome ?? "completed" });
    this.waitForCandidate(moved.step.time.remainingSeconds);
  }

  /**
   * One question waits at a time: when a step puts a question again (a repeat after a
   * reconnect), the turn it replaces stops being pending, as the check-in does below.
   */
  private async clearReplacedWaits(moved: Advanced): Promise<void> {
    const newWait = moved.created.find((t) => t.isPendingQuestion);
    if (!newWait) return;
    const stale = moved.input.turns.filter((t) => t.role === "agent" && t.isPendingQuestion && t.turnNumber < newWait.turnNumber && t.turnNumber !== moved.step.answeredTurnNumber);
    for (const t of stale) await this.o.port.updateTurn({ turnNumber: t.turnNumber, body: { isPendingQuestion: false } });
  }

  /** Waiting for the candidate: the silence count starts now, and the time limit is watched. */
  private waitForCandidate(remainingSeconds: number): void {
    if (this.finished || !this.present) return;
    this.cancel("deadline");
    this.armSilence();
    // The engine decides what time-up means; this only makes sure it is asked when time is up.
    if (remainingSeconds > 0) this.timers.deadline = this.timer(remainingSeconds * 1000 + 500, () => this.onDeadline());
  }

  private onDeadline(): void {
    // Mid-answer, the end of the answer asks the engine anyway (it wraps up after rating it).
    if (!this.present || this.buffer.length) return;
    this.serial(() => this.step(false));
  }

  private async onSilence(epoch: number): Promise<void> {
    if (epoch !== this.silenceEpoch || this.finished || !this.present || this.buffer.length) return;
    const input = await this.o.port.read();
    this.track(input.turns);
    const state = readState(input.turns, input.config);
    const lines = voiceLines(input.config.language);
    if (state.ended || !state.pendingAsk) return;
    if (this.silenceStage === 0) {
      // Put as a repeat of the waiting question, so the engine reads the answer that follows as its answer.
      const ask = state.pendingAsk;
      const turn = await this.record({ role: "agent", content: lines.checkIn(ask.text), isPendingQuestion: true, evaluation: { action: "repeat", questionId: ask.questionId, reason: "silence" } });
      // The check-in now carries the wait; written after it, so a crash in between leaves one pending.
      if (ask.isPendingQuestion) await this.o.port.updateTurn({ turnNumber: ask.turnNumber, body: { isPendingQuestion: false } });
      this.silenceStage = 1;
      await this.o.speech.say(turn.content);
      return this.waitForCandidate(remainingOf(input, this.o.clock.now()));
    }
    if (!this.candidateSpoke) {
      // Nothing heard in the whole interview (a microphone problem, most likely): completing it
      // would lock the candidate out of an interview they never had, so it stays open for a rejoin.
      const turn = await this.record({ role: "agent", content: lines.noAnswer(), evaluation: { reason: "silence" } });
      await this.o.speech.say(turn.content);
      return this.finish({ reason: "silence", finalized: false });
    }
    const turn = await this.record({ role: "agent", content: lines.silenceEnd(input.candidate.firstName), evaluation: { action: "end", outcome: "completed", reason: "silence" } });
    await this.o.speech.say(turn.content);
    await this.o.port.finalize("completed");
    this.finish({ reason: "silence", finalized: true });
  }

  private async abandon(): Promise<void> {
    if (this.finished || this.present) return;
    // Closed with what was said, so the recruiter gets a report; unless nothing was (see onSilence).
    if (this.candidateSpoke) await this.o.port.finalize("completed");
    this.finish({ reason: "abandoned", finalized: this.candidateSpoke });
  }

  /** A turn numbered after every turn this loop knows of; one retry after a conflict (another writer). */
  private async record(body: { role: "agent" | "candidate"; content: string; isPendingQuestion?: boolean; evaluation?: Record<string, unknown> }): Promise<EngineTurn> {
    try {
      const turn = await this.o.port.recordTurn({ turnNumber: this.highest + 1, ...body });
      this.track([turn]);
      return turn;
    } catch (err) {
      if (!(err instanceof AgentHttpError && err.status === 409)) throw err;
      this.track((await this.o.port.read()).turns);
      const turn = await this.o.port.recordTurn({ turnNumber: this.highest + 1, ...body });
      this.track([turn]);
      return turn;
    }
  }

  private track(turns: readonly EngineTurn[]): void {
    for (const t of turns) this.highest = Math.max(this.highest, t.turnNumber);
  }

  /** Runs `fn` after everything queued before it: calls for one interview never overlap. */
  private serial(fn: () => Promise<void>): void {
    const run = this.chain.then(() => (this.finished ? undefined : fn()));
    this.chain = run.catch((err: unknown) => {
      if (err instanceof InterviewClosedError) return this.finish({ reason: "closed" });
      this.fail(err);
    });
  }

  private timer(ms: number, fire: () => void): Timer {
    const abort = new AbortController();
    void this.o.clock.wait(ms, abort.signal).then(() => {
      if (!abort.signal.aborted && !this.finished) fire();
    });
    return { cancel: () => abort.abort() };
  }

  private cancel(...names: TimerName[]): void {
    for (const name of names) {
      this.timers[name]?.cancel();
      delete this.timers[name];
    }
  }

  private finish(end: ConversationEnd): void {
    if (this.finished) return;
    this.finished = true;
    this.cancel("silence", "settle", "deadline", "grace");
    this.unsubscribe();
    this.log("conversation ended", end);
    this.settle.resolve(end);
  }

  private fail(err: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.cancel("silence", "settle", "deadline", "grace");
    this.unsubscribe();
    this.settle.reject(err);
  }
}

function remainingOf(input: EngineInput, now: number): number {
  const started = input.startedAt === null ? now : new Date(input.startedAt).getTime();
  return Math.max(0, input.config.maxDurationMinutes * 60 - Math.floor((now - started) / 1000));
}

/** Runs one voice interview to its end (see Conversation). */
export function runConversation(options: ConversationOptions): Promise<ConversationEnd> {
  return new Conversation(options).start();
}
