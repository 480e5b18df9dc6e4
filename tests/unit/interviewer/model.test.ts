import { describe, expect, it } from "vitest";
import { FakeClock, QUESTIONS, Session, candidateWordsIn, fakeModel, modelAnswer, payloadOf, testConfig } from "@/tests/helpers/interviewer";

const FOLLOW_UP = "Which part of that system did you build yourself?";
const wantsFollowUp = () => modelAnswer({ needsFollowUp: true, followUp: FOLLOW_UP });

describe("interviewer with a model", () => {
  it("asks the model's follow-up as a pending question on the same configured question", async () => {
    const model = fakeModel(wantsFollowUp);
    const s = new Session(new FakeClock(), { model });
    await s.step();
    expect(model.requests).toHaveLength(0); // the intro and the first question are the script's
    s.say("I worked on payments.");
    const step = await s.step();
    expect(step.actions.map((a) => [a.kind, a.say, a.isPendingQuestion, a.questionId])).toEqual([["follow_up", FOLLOW_UP, true, "q1"]]);
    expect(step).toMatchObject({ source: "model", fallbackReason: null, progress: { asked: 1, total: 3 } });
    expect(s.last().evaluation).toEqual({ action: "follow_up", questionId: "q1" });
    expect(model.requests).toHaveLength(1);
  });

  it("spends at most the follow-up budget per question (default 2), then moves on", async () => {
    const model = fakeModel((_, n) => modelAnswer({ needsFollowUp: true, followUp: `Follow-up number ${n}?` }));
    const s = new Session(new FakeClock(), { model });
    await s.step();
    const kinds: string[] = [];
    for (let i = 0; i < 9; i++) {
      s.say(`Answer ${i}.`);
      kinds.push(...(await s.step()).actions.map((a) => `${a.kind}:${a.questionId ?? ""}`));
    }
    expect(kinds).toEqual(["follow_up:q1", "follow_up:q1", "question:q2", "follow_up:q2", "follow_up:q2", "question:q3", "follow_up:q3", "follow_up:q3", "end:"]);
    // The model is told how many are left, and that none is allowed once they are spent.
    expect(model.requests.map((r) => [payloadOf(r).followUpAllowed, payloadOf(r).followUpsLeft])).toEqual([
      [true, 2], [true, 1], [false, 0], [true, 2], [true, 1], [false, 0], [true, 2], [true, 1], [false, 0],
    ]);
  });

  it("honours a budget set to 0 or 1", async () => {
    for (const budget of [0, 1]) {
      const model = fakeModel((_, n) => modelAnswer({ needsFollowUp: true, followUp: `Follow-up number ${n}?` }));
      const s = new Session(new FakeClock(), { model, followUpBudget: budget });
      await s.step();
      s.say("Payments.");
      const kinds = [(await s.step()).actions[0]!.kind];
      s.say("Payments again.");
      kinds.push((await s.step()).actions[0]!.kind);
      expect(kinds).toEqual(budget === 0 ? ["question", "question"] : ["follow_up", "question"]);
    }
  });

  it("stores the model's rating on the candidate's turn, keeping only quotes the candidate said", async () => {
    const model = fakeModel(() =>
      modelAnswer({
        ratings: [
          { key: "experience", score: 4, evidence: ["led the  MIGRATION of billing", "I invented this quote", "event sourcing"] },
          { key: "communication", score: null, evidence: ["billing"] },
          { key: "experience", score: 1, evidence: [] }, // a second rating of the same criterion is ignored
        ],
      }),
    );
    const s = new Session(new FakeClock(), { model });
    await s.step();
    s.say("I led the migration of billing");
    s.say("to event sourcing, on my own.");
    const step = await s.step();
    expect(step.answer).toEqual({
      turnNumber: 4,
      evaluation: {
        questionId: "q1",
        criteria: { experience: 4 },
        evidence: { experience: [{ turnNumber: 3, quote: "led the MIGRATION of billing" }, { turnNumber: 4, quote: "event sourcing" }] },
        rater: "fake-model",
        promptVersion: "interviewer-v1",
      },
    });
    expect(s.turns.find((t) => t.turnNumber === 4)!.evaluation).toEqual(step.answer!.evaluation);
    // The model saw both turns of the answer, and the question's exchange.
    expect(candidateWordsIn(model.requests[0]!)).toBe("I led the migration of billing\nto event sourcing, on my own.");
    expect(payloadOf(model.requests[0]!)).toMatchObject({
      question: QUESTIONS[0]!.text,
      suggestedFollowUps: ["What was your own role?"],
      exchangeSoFar: [{ role: "interviewer", text: QUESTIONS[0]!.text }],
      upcomingQuestions: [QUESTIONS[1]!.text, QUESTIONS[2]!.text],
      criteria: [{ key: "communication" }, { key: "experience" }],
    });
  });

  it("a criterion key the configuration does not have is refused by the schema: the plan goes on", async () => {
    const model = fakeModel(() => modelAnswer({ ratings: [{ key: "charisma", score: 5, evidence: [] }] }));
    const s = new Session(new FakeClock(), { model });
    await s.step();
    s.say("Payments.");
    const step = await s.step();
    expect(step).toMatchObject({ source: "fallback", answer: { evaluation: { questionId: "q1" } } });
    expect(step.answer!.evaluation).not.toHaveProperty("criteria");
  });

  const invalid: [string, unknown][] = [
    ["not an object", "Sure! Here is my answer."],
    ["a missing field", { intent: "answer", needsFollowUp: false, ratings: [] }],
    ["an unknown intent", modelAnswer({ intent: "hire" })],
    ["a score out of range", modelAnswer({ ratings: [{ key: "experience", score: 7, evidence: [] }] })],
    ["a fractional score", modelAnswer({ ratings: [{ key: "experience", score: 3.5, evidence: [] }] })],
    ["null", null],
  ];
  it.each(invalid)("falls back to the next scripted step on an invalid answer: %s", async (_, answer) => {
    const s = new Session(new FakeClock(), { model: fakeModel(() => answer) });
    await s.step();
    s.say("Payments.");
    const step = await s.step();
    expect(step.actions.map((a) => [a.kind, a.say])).toEqual([["question", `Thank you. ${QUESTIONS[1]!.text}`]]);
    expect(step.source).toBe("fallback");
    expect(step.fallbackReason).toMatch(/schema/);
    expect(step.answer).toEqual({ turnNumber: 3, evaluation: { questionId: "q1" } });
  });

  it("falls back when the model wants a follow-up but gives none, keeping its valid rating", async () => {
    const model = fakeModel(() => modelAnswer({ needsFollowUp: true, followUp: null, ratings: [{ key: "experience", score: 3, evidence: [] }] }));
    const s = new Session(new FakeClock(), { model });
    await s.step();
    s.say("Payments.");
    const step = await s.step();
    expect(step).toMatchObject({ source: "fallback", fallbackReason: "follow-up refused: empty", answer: { evaluation: { criteria: { experience: 3 } } } });
    expect(step.actions.map((a) => a.kind)).toEqual(["question"]);
  });

  it("falls back when the model call fails, asynchronously or at once", async () => {
    const failing = [
      fakeModel(() => Promise.reject(new Error("HTTP 500"))),
      {
        name: "broken",
        decide: () => {
          throw new Error("HTTP 500");
        },
      },
    ];
    for (const model of failing) {
      const s = new Session(new FakeClock(), { model });
      await s.step();
      s.say("Payments.");
      const step = await s.step();
      expect(step).toMatchObject({ source: "fallback", fallbackReason: "model call failed: HTTP 500" });
      expect(step.actions.map((a) => a.questionId)).toEqual(["q2"]);
    }
  });

  it("falls back when the model is late, and ignores its answer when it finally comes", async () => {
    const clock = new FakeClock();
    let answerLate!: (value: unknown) => void;
    let aborted: AbortSignal | null = null;
    const model = {
      name: "slow",
      decide: (_: unknown, signal: AbortSignal) => {
        aborted = signal;
        return new Promise<unknown>((resolve) => (answerLate = resolve));
      },
    };
    const s = new Session(clock, { model, modelTimeoutMs: 4000 });
    await s.step();
    s.say("Payments.");
    const pending = s.step();
    await clock.whenWaiting();
    clock.advance(3999);
    expect(clock.waiting).toBe(1); // not yet
    clock.advance(1);
    const step = await pending;
    expect(step).toMatchObject({ source: "fallback", fallbackReason: "no answer within 4000 ms" });
    expect(step.actions.map((a) => a.questionId)).toEqual(["q2"]);
    expect(aborted!.aborted).toBe(true); // the request is cancelled
    answerLate(wantsFollowUp());
    await new Promise((r) => setImmediate(r));
    expect(s.turns.filter((t) => t.evaluation?.action === "follow_up")).toEqual([]);
    expect(clock.waiting).toBe(0);
  });

  it("an answer in time leaves no timer behind", async () => {
    const clock = new FakeClock();
    const s = new Session(clock, { model: fakeModel(() => modelAnswer()) });
    await s.step();
    s.say("Payments.");
    await s.step();
    expect(clock.waiting).toBe(0);
  });

  it("clarifies when the model reads the message as a request to repeat, and ends when it reads a request for a person", async () => {
    const s = new Session(new FakeClock(), { model: fakeModel((_, n) => modelAnswer({ intent: n === 1 ? "repeat" : "human" })) });
    await s.step();
    s.say("Hmm, in what sense exactly, regarding my background overall?");
    const clarify = await s.step();
    expect(clarify.actions.map((a) => [a.kind, a.say, a.isPendingQuestion])).toEqual([["clarify", `Of course. ${QUESTIONS[0]!.text}`, true]]);
    expect(clarify.source).toBe("model");
    s.say("Honestly I would feel more at ease with somebody from your team.");
    const end = await s.step();
    expect(end).toMatchObject({ done: true, outcome: "humanRequested", answer: null });
    expect(end.actions.map((a) => a.kind)).toEqual(["end"]);
  });

  it("makes no model call when there is nothing to rate and no follow-up allowed", async () => {
    const model = fakeModel(wantsFollowUp);
    const s = new Session(new FakeClock(), { model, followUpBudget: 0 }, testConfig({ criteria: [] }));
    await s.step();
    s.say("Payments.");
    expect((await s.step()).actions.map((a) => a.kind)).toEqual(["question"]);
    expect(model.requests).toHaveLength(0);
  });
});
