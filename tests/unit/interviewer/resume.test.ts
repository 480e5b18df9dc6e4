import { describe, expect, it } from "vitest";
import type { EngineTurn } from "@/lib/interviewer/types";
import { FakeClock, QUESTIONS, Session, fakeModel, modelAnswer, testConfig, type FakeModel } from "@/tests/helpers/interviewer";

// Resume from any history: after a crash, a reload or a reconnect the engine reads only the
// turns, continues at the right step, re-asks a pending question once with a "we were cut off"
// line, and never asks an answered question again.

const ASKS = ["question", "follow_up", "clarify", "repeat"];
const CUT_OFF = "Sorry, we were cut off. Here is the question again: ";
const followUpOnce = () => fakeModel((_, n) => modelAnswer({ needsFollowUp: n === 1, followUp: n === 1 ? "Which part was yours?" : null }));

/** A whole interview with a clarification, the time notice (and a follow-up with a model). */
async function reference(model: FakeModel | null): Promise<{ turns: EngineTurn[]; startedAt: number; clock: FakeClock }> {
  const clock = new FakeClock();
  const s = new Session(clock, { model });
  await s.step();
  const said = ["I build payments.", ...(model ? ["The ledger, mostly."] : []), "Could you repeat the question?"];
  for (const words of said) {
    s.say(words);
    await s.step();
  }
  clock.at(8.5);
  s.say("The billing migration.");
  const last = await s.step();
  expect(last.actions.map((a) => a.kind)).toEqual(["time_notice", "question"]);
  s.say("Mentor someone.");
  expect((await s.step()).outcome).toBe("completed");
  return { turns: s.turns, startedAt: s.startedAt!, clock };
}

/** Plays on from `turns` until the end, answering whatever is asked; returns the session. */
async function resumeFrom(turns: EngineTurn[], startedAt: number | null, model: FakeModel | null) {
  const clock = new FakeClock();
  clock.at(8.6);
  const s = new Session(clock, { model });
  s.turns = structuredClone(turns);
  s.startedAt = startedAt;
  const first = await s.step({ resume: true });
  for (let i = 0; i < 20 && !s.steps.at(-1)!.done; i++) {
    if (s.steps.at(-1)!.actions.at(-1)?.isPendingQuestion) s.say(`Answer ${i}.`);
    await s.step();
  }
  expect(s.steps.at(-1)!.outcome).toBe("completed");
  return { s, first };
}

const questionsAsked = (turns: EngineTurn[]) => turns.filter((t) => t.evaluation?.action === "question").map((t) => t.evaluation!.questionId);

describe.each([
  ["scripted", () => null],
  ["with a model", followUpOnce],
])("resume at every step (%s)", (_, makeModel) => {
  it("continues from every prefix of a whole interview", async () => {
    const ref = await reference(makeModel());
    expect(questionsAsked(ref.turns)).toEqual(["q1", "q2", "q3"]);
    for (let k = 0; k < ref.turns.length; k++) {
      const prefix = ref.turns.slice(0, k);
      const { s, first } = await resumeFrom(prefix, k ? ref.startedAt : null, makeModel());
      const context = `cut after turn ${k}`;
      // Every configured question asked exactly once, in order, whatever was cut.
      expect(questionsAsked(s.turns), context).toEqual(["q1", "q2", "q3"]);
      // What was said stays as it was; the resumed turns come after it.
      const said = (turns: EngineTurn[]) => turns.map((t) => [t.turnNumber, t.role, t.content]);
      expect(said(s.turns.slice(0, k)), context).toEqual(said(prefix));
      const lastOfPrefix = prefix.at(-1);
      if (lastOfPrefix?.role === "agent" && ASKS.includes(lastOfPrefix.evaluation?.action as string)) {
        // A question was waiting: it is put again once, with the cut-off line.
        expect(first.actions.map((a) => a.kind), context).toEqual(["repeat"]);
        expect(first.actions[0]!.say.startsWith(CUT_OFF), context).toBe(true);
        expect(first.actions[0]!.questionId, context).toBe(lastOfPrefix.evaluation!.questionId);
      } else {
        expect(first.actions.map((a) => a.kind), context).not.toContain("repeat");
      }
      expect(s.turns.filter((t) => t.evaluation?.action === "repeat").length, context).toBeLessThanOrEqual(1);
      // Resumed at 86 % of the time: one notice, unless the interview had not started (its clock starts now).
      expect(s.turns.filter((t) => t.evaluation?.action === "time_notice").length, context).toBe(k ? 1 : 0);
    }
  });
});

describe("resume, case by case", () => {
  async function interview(steps: string[], model: FakeModel | null = null) {
    const s = new Session(new FakeClock(), { model });
    await s.step();
    for (const said of steps) {
      s.say(said);
      await s.step();
    }
    return s;
  }

  it("re-asks a pending configured question word for word after the cut-off line", async () => {
    const s = await interview(["I build payments."]);
    const step = await s.step({ resume: true });
    expect(step.actions.map((a) => [a.kind, a.say, a.isPendingQuestion, a.evaluation])).toEqual([
      ["repeat", `${CUT_OFF}${QUESTIONS[1]!.text}`, true, { action: "repeat", questionId: "q2" }],
    ]);
    expect(step.progress).toEqual({ asked: 2, total: 3 });
    s.say("The billing migration.");
    expect((await s.step()).actions.map((a) => a.questionId)).toEqual(["q3"]);
  });

  it("re-asks a pending follow-up with its own words, and a clarified question with the question's", async () => {
    const s = await interview(["I build payments."], followUpOnce());
    expect((await s.step({ resume: true })).actions[0]!.say).toBe(`${CUT_OFF}Which part was yours?`);
    const t = await interview(["Pardon?"]);
    expect((await t.step({ resume: true })).actions[0]!.say).toBe(`${CUT_OFF}${QUESTIONS[0]!.text}`);
  });

  it("re-asks in French for a French interview", async () => {
    const s = new Session(new FakeClock(), {}, testConfig({ language: "fr" }));
    await s.step();
    expect((await s.step({ resume: true })).actions[0]!.say).toBe(`Désolé, nous avons été coupés. Je reprends la question : ${QUESTIONS[0]!.text}`);
  });

  it("answers an answer whose reply was lost, asking the model again", async () => {
    const model = followUpOnce();
    const s = await interview([], model);
    s.say("I build payments.");
    const step = await s.step({ resume: true });
    expect(step.actions.map((a) => a.kind)).toEqual(["follow_up"]);
    expect(model.requests).toHaveLength(1);
  });

  it("asks the next question when the crash came between two turns of one step", async () => {
    const s = new Session(new FakeClock());
    s.turns = [{ turnNumber: 1, role: "agent", content: "Hello", isPendingQuestion: false, evaluation: { action: "intro" } }];
    s.startedAt = s.clock.now();
    expect((await s.step({ resume: true })).actions.map((a) => [a.kind, a.say])).toEqual([["question", QUESTIONS[0]!.text]]);
  });

  it("never repeats an answered question, even if its pending flag was never cleared", async () => {
    const s = await interview(["I build payments."]);
    for (const t of s.turns) if (t.role === "agent" && t.evaluation?.action === "question") t.isPendingQuestion = true;
    const step = await s.step({ resume: true });
    expect(step.actions.map((a) => [a.kind, a.questionId])).toEqual([["repeat", "q2"]]);
    s.say("Billing.");
    expect((await s.step({ resume: true })).actions.map((a) => [a.kind, a.questionId])).toEqual([["question", "q3"]]);
  });

  it("wraps up instead of re-asking when the time ran out while disconnected", async () => {
    const s = await interview(["I build payments."]);
    s.clock.at(12);
    expect((await s.step({ resume: true })).actions.map((a) => a.kind)).toEqual(["wrap_up"]);
  });

  it("says the intro and the first question when nothing was recorded yet", async () => {
    const s = new Session(new FakeClock());
    expect((await s.step({ resume: true })).actions.map((a) => a.kind)).toEqual(["intro", "question"]);
  });
});
