import { describe, expect, it } from "vitest";
import { FakeClock, QUESTIONS, Session, fakeModel, modelAnswer, payloadOf, testConfig } from "@/tests/helpers/interviewer";

// The time budget (10 minutes in these fixtures): a notice at 80 %, the wrap-up at 100 %,
// counted from the interview's first turn.

describe("interviewer time budget", () => {
  it("gives no notice before 80 %, then one notice before the next question, once", async () => {
    const clock = new FakeClock();
    const s = new Session(clock);
    await s.step();
    clock.at(7.9);
    s.say("Payments.");
    expect((await s.step()).actions.map((a) => a.kind)).toEqual(["question"]);

    clock.at(8);
    s.say("The billing migration.");
    const step = await s.step();
    expect(step.actions.map((a) => [a.kind, a.say, a.isPendingQuestion])).toEqual([
      ["time_notice", "We have about 2 minutes left.", false],
      ["question", `Thank you. ${QUESTIONS[2]!.text}`, true],
    ]);
    expect(step.time).toEqual({ elapsedSeconds: 480, remainingSeconds: 120 });
    expect(s.turns.at(-2)!.evaluation).toEqual({ action: "time_notice" });
  });

  it("says the notice once, in minutes rounded up, and in French for a French interview", async () => {
    const clock = new FakeClock();
    const s = new Session(clock, {}, testConfig({ language: "fr", questions: [...QUESTIONS, { id: "q4", text: "Q4 ?", followUps: [] }] }));
    await s.step();
    clock.at(9.01); // 59 seconds left
    s.say("a");
    expect((await s.step()).actions.map((a) => a.say)).toEqual(["Il nous reste environ 1 minute.", `Merci. ${QUESTIONS[1]!.text}`]);
    s.say("b");
    expect((await s.step()).actions.map((a) => a.kind)).toEqual(["question"]);
  });

  it("does not give the notice when the answer was to the last question: it closes", async () => {
    const clock = new FakeClock();
    const s = new Session(clock, {}, testConfig({ questions: [QUESTIONS[0]!] }));
    await s.step();
    clock.at(9);
    s.say("Payments.");
    expect((await s.step()).actions.map((a) => [a.kind, a.evaluation.outcome])).toEqual([["end", "completed"]]);
  });

  it("stops offering follow-ups from 80 %, even when the model wants one", async () => {
    const clock = new FakeClock();
    const model = fakeModel(() => modelAnswer({ needsFollowUp: true, followUp: "Which part of it did you build yourself?" }));
    const s = new Session(clock, { model });
    await s.step();
    clock.at(8.5);
    s.say("Payments, mostly.");
    const step = await s.step();
    expect(step.actions.map((a) => a.kind)).toEqual(["time_notice", "question"]);
    expect(payloadOf(model.requests[0]!).followUpAllowed).toBe(false);
  });

  it("wraps up at 100 % after the answer in progress, still rating it", async () => {
    const clock = new FakeClock();
    const model = fakeModel(() => modelAnswer({ ratings: [{ key: "experience", score: 4, evidence: ["payments"] }], needsFollowUp: true, followUp: "Which part was yours?" }));
    const s = new Session(clock, { model });
    await s.step();
    clock.at(10);
    s.say("I built payments.");
    const step = await s.step();
    expect(step.actions.map((a) => [a.kind, a.say, a.isPendingQuestion])).toEqual([
      ["wrap_up", "We have reached the end of the time for this interview. Thank you for your answers, Ada. A person on the hiring team will review this conversation.", false],
    ]);
    expect(step).toMatchObject({ done: true, outcome: "timeUp" });
    expect(step.answer!.evaluation).toMatchObject({ questionId: "q1", criteria: { experience: 4 } });
    expect(s.last().evaluation).toEqual({ action: "wrap_up", outcome: "timeUp" });
    expect((await s.step()).actions).toEqual([]);
  });

  it("wraps up a question left unanswered when the time is up, and waits before that", async () => {
    const clock = new FakeClock();
    const s = new Session(clock);
    await s.step();
    clock.at(9.99);
    expect((await s.step()).actions).toEqual([]);
    clock.at(10);
    const step = await s.step();
    expect(step.actions.map((a) => a.kind)).toEqual(["wrap_up"]);
    expect(step).toMatchObject({ done: true, outcome: "timeUp", time: { elapsedSeconds: 600, remainingSeconds: 0 } });
  });

  it("counts time from the first turn, not from when the engine was created", async () => {
    const clock = new FakeClock();
    clock.advance(60 * 60_000); // the invitation was opened an hour after T0
    const s = new Session(clock);
    await s.step();
    clock.advance(7 * 60_000);
    s.say("Payments.");
    const step = await s.step();
    expect(step.actions.map((a) => a.kind)).toEqual(["question"]);
    expect(step.time.elapsedSeconds).toBe(420);
  });

  it("a clarification is not offered once the time is up", async () => {
    const clock = new FakeClock();
    const s = new Session(clock);
    await s.step();
    clock.at(11);
    s.say("Sorry, could you repeat the question?");
    expect((await s.step()).actions.map((a) => a.kind)).toEqual(["wrap_up"]);
  });
});
