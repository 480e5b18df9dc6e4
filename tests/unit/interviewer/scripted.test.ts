import { describe, expect, it } from "vitest";
import { FakeClock, QUESTIONS, Session, testConfig } from "@/tests/helpers/interviewer";

// The scripted interviewer (no model), exactly as docs/interviewer.md describes it.

describe("scripted interviewer", () => {
  it("says the intro, each configured question in order with an acknowledgement, and the closing", async () => {
    const s = new Session(new FakeClock());
    const first = await s.step();
    expect(first.actions.map((a) => [a.kind, a.say, a.isPendingQuestion])).toEqual([
      ["intro", "Hello, I am Parley, an AI interviewer. This conversation is recorded.", false],
      ["question", QUESTIONS[0]!.text, true],
    ]);
    expect(first).toMatchObject({ done: false, outcome: null, source: "scripted", progress: { asked: 1, total: 3 }, answer: null });

    s.say("I build payment systems.");
    const second = await s.step();
    expect(second.actions.map((a) => [a.kind, a.say, a.isPendingQuestion, a.questionId])).toEqual([["question", `Thank you. ${QUESTIONS[1]!.text}`, true, "q2"]]);
    expect(second.progress).toEqual({ asked: 2, total: 3 });
    expect(second.answer).toEqual({ turnNumber: 3, evaluation: { questionId: "q1" } });
    expect(second.answeredTurnNumber).toBe(2);

    s.say("The billing migration.");
    expect((await s.step()).actions.map((a) => a.say)).toEqual([`Thank you. ${QUESTIONS[2]!.text}`]);
    s.say("Own a service end to end.");
    const last = await s.step();
    expect(last.actions.map((a) => [a.kind, a.say, a.isPendingQuestion])).toEqual([
      ["end", "Thank you, Ada, that was my last question. A person on the hiring team will review this conversation.", false],
    ]);
    expect(last).toMatchObject({ done: true, outcome: "completed", progress: { asked: 3, total: 3 } });

    // The recorded turns: what a restarted engine reads, and what the history endpoint shows.
    expect(s.turns.map((t) => [t.turnNumber, t.role, t.isPendingQuestion, t.evaluation])).toEqual([
      [1, "agent", false, { action: "intro" }],
      [2, "agent", false, { action: "question", questionId: "q1" }],
      [3, "candidate", false, { questionId: "q1" }],
      [4, "agent", false, { action: "question", questionId: "q2" }],
      [5, "candidate", false, { questionId: "q2" }],
      [6, "agent", false, { action: "question", questionId: "q3" }],
      [7, "candidate", false, { questionId: "q3" }],
      [8, "agent", false, { action: "end", outcome: "completed" }],
    ]);
  });

  it("waits while a question is unanswered, and does nothing more once the interview has ended", async () => {
    const s = new Session(new FakeClock());
    await s.step();
    const waiting = await s.step();
    expect(waiting).toMatchObject({ actions: [], done: false, outcome: null, answer: null });
    s.say("   "); // a transcript not yet filled in is not an answer
    expect((await s.step()).actions).toEqual([]);
    for (const answer of ["a", "b", "c"]) {
      s.say(answer);
      await s.step();
    }
    const turns = s.turns.length;
    const after = await s.step({ resume: true });
    expect(after).toMatchObject({ actions: [], done: true, outcome: "completed" });
    expect(s.turns).toHaveLength(turns);
  });

  it("speaks French when the interview is in French (any region)", async () => {
    const config = testConfig({ language: "fr-CA", intro: "Bonjour, je suis Parley.", questions: [{ id: "q1", text: "Parlez-moi de vous.", followUps: [] }, { id: "q2", text: "Un projet ?", followUps: [] }] });
    const s = new Session(new FakeClock(), {}, config, "Élodie");
    expect((await s.step()).actions.map((a) => a.say)).toEqual(["Bonjour, je suis Parley.", "Parlez-moi de vous."]);
    s.say("Je suis développeuse.");
    expect((await s.step()).actions.map((a) => a.say)).toEqual(["Merci. Un projet ?"]);
    s.say("Une migration.");
    expect((await s.step()).actions.map((a) => a.say)).toEqual([
      "Merci, Élodie, c'était ma dernière question. Une personne de l'équipe de recrutement examinera cet échange.",
    ]);
  });

  it("falls back to English lines for a language it has none for, and leaves out a blank name", async () => {
    const config = testConfig({ language: "de", questions: [QUESTIONS[0]!] });
    const s = new Session(new FakeClock(), {}, config, " ");
    await s.step();
    s.say("Ich baue Zahlungssysteme.");
    expect((await s.step()).actions[0]!.say).toBe("Thank you, that was my last question. A person on the hiring team will review this conversation.");
  });

  it("closes right after the intro when the configuration has no questions", async () => {
    const s = new Session(new FakeClock(), {}, testConfig({ questions: [] }));
    const step = await s.step();
    expect(step.actions.map((a) => a.kind)).toEqual(["intro", "end"]);
    expect(step).toMatchObject({ done: true, outcome: "completed", progress: { asked: 0, total: 0 } });
  });

  it("greets a candidate who spoke first, then asks the first question", async () => {
    const s = new Session(new FakeClock());
    s.say("Hello? Can you hear me?");
    expect((await s.step()).actions.map((a) => a.kind)).toEqual(["intro", "question"]);
  });

  it("continues a history written by another agent with only the questionId convention", async () => {
    const s = new Session(new FakeClock());
    s.turns = [
      { turnNumber: 1, role: "agent", content: "Hello", isPendingQuestion: false, evaluation: { questionId: "intro" } },
      { turnNumber: 2, role: "agent", content: QUESTIONS[0]!.text, isPendingQuestion: true, evaluation: { questionId: "q1" } },
      { turnNumber: 3, role: "candidate", content: "Payments.", isPendingQuestion: false, evaluation: null },
    ];
    s.startedAt = s.clock.now();
    const step = await s.step();
    expect(step.actions.map((a) => a.questionId)).toEqual(["q2"]);
    expect(step.answeredTurnNumber).toBe(2);
  });
});
