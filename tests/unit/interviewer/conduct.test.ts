import { describe, expect, it } from "vitest";
import { conductProblem, followUpProblem } from "@/lib/interviewer/conduct";
import { FakeClock, QUESTIONS, Session, fakeModel, modelAnswer, testConfig } from "@/tests/helpers/interviewer";

// Conduct rules checked in code on what the model phrases: no score, no outcome, no protected
// characteristic; a refused follow-up is never said, the script goes on instead.

const SCORE_OR_OUTCOME = [
  "Great, that's a 4/5 answer. Can you say more?",
  "I would rate that 3 out of 5; what else did you do?",
  "Your score so far is high. What was your role?",
  "You passed the interview! Any questions?",
  "You'll get the job, I'm sure. When can you start?",
  "You are definitely hired. What salary do you expect?",
  "You're a strong candidate. What else?",
  "Well done! What did you learn?",
  "We will hire you if you answer this: what is a queue?",
  "C'est un 8 sur 10. Pouvez-vous préciser ?",
  "Votre note est excellente. Autre chose ?",
  "Vous êtes retenue pour le poste. Des questions ?",
  "Vous aurez le poste, bravo. Quand pouvez-vous commencer ?",
  "Bonne réponse ! Et ensuite ?",
];
const PROTECTED = [
  "How old are you, if I may ask?",
  "What is your age?",
  "Do you have children who might affect your availability?",
  "Are you married?",
  "Do you plan a pregnancy soon?",
  "Is your health good enough for on-call duty?",
  "Do you have any disability we should know about?",
  "What religion do you practice?",
  "Where are you from originally?",
  "What is your nationality?",
  "Quel âge avez-vous ?",
  "Avez-vous des enfants ?",
  "Êtes-vous mariée ?",
  "Comment est votre santé ?",
  "Quelle est votre religion ?",
  "Quelle est votre nationalité ou votre origine ?",
  "Votre situation familiale vous permet-elle de voyager ?",
];
const ALLOWED = [
  "Which part of the migration did you build yourself?",
  "Tell me about a time you failed: what did you learn?",
  "How were you selected to lead that project?",
  "How did you debug the race condition?",
  "How did you design the health checks for that service?",
  "Did you pass the data through a queue or call the service directly?",
  "What was the result, in numbers, for the team?",
  "Quel genre de projet était-ce ?",
  "Il y a deux ans, quel était votre rôle exactement ?",
  "Qu'avez-vous retenu de cette expérience ?",
  "Comment avez-vous réussi à réduire la latence ?",
];

describe("conduct checks on follow-ups", () => {
  it.each(SCORE_OR_OUTCOME)("refuses a score or an outcome: %s", (text) => {
    expect(followUpProblem(text)).toBe("score_or_outcome");
  });

  it.each(PROTECTED)("refuses a protected characteristic: %s", (text) => {
    expect(followUpProblem(text)).toBe("protected_characteristic");
  });

  it.each(ALLOWED)("allows a job-related follow-up: %s", (text) => {
    expect(followUpProblem(text)).toBeNull();
  });

  it("refuses an empty, long, non-question or repeated follow-up", () => {
    expect(followUpProblem("  ")).toBe("empty");
    expect(followUpProblem(`${"Why ".repeat(80)}?`)).toBe("too_long");
    expect(followUpProblem("Tell me more.")).toBe("not_a_question");
    expect(followUpProblem(`  ${QUESTIONS[0]!.text.toUpperCase()} `, [QUESTIONS[0]!.text])).toBe("repeats_a_question");
  });

  it("none of the scripted lines breaks the rules", async () => {
    const lines: string[] = [];
    for (const language of ["en", "fr"]) {
      for (const flow of [["a", "b", "c"], ["Can I speak to a human?"], ["a", "Je voudrais parler à un humain."]]) {
        const clock = new FakeClock();
        const s = new Session(clock, {}, testConfig({ language }));
        await s.step();
        s.say("Could you repeat the question?");
        await s.step({ resume: true });
        await s.step({ resume: true });
        clock.at(8.5);
        for (const said of flow) {
          s.say(said);
          await s.step();
        }
        clock.at(11);
        await s.step();
        lines.push(...s.agentTurns().map((t) => t.content));
      }
    }
    expect(new Set(lines.map((l) => l.slice(0, 12))).size).toBeGreaterThanOrEqual(12);
    for (const line of lines) {
      if (QUESTIONS.some((q) => line === q.text) || line.startsWith("Hello, I am Parley")) continue;
      expect([line, conductProblem(line)]).toEqual([line, null]);
    }
  });
});

describe("a follow-up that breaks the rules is never said", () => {
  it.each([...SCORE_OR_OUTCOME.slice(0, 3), ...PROTECTED.slice(0, 3), PROTECTED[10]!])("model proposes %j: the next question is asked instead", async (followUp) => {
    const s = new Session(new FakeClock(), { model: fakeModel(() => modelAnswer({ needsFollowUp: true, followUp })) });
    await s.step();
    s.say("I built a payment system with a team of four.");
    const step = await s.step();
    expect(step.actions.map((a) => [a.kind, a.questionId])).toEqual([["question", "q2"]]);
    expect(step.source).toBe("fallback");
    expect(step.fallbackReason).toMatch(/^follow-up refused: (score_or_outcome|protected_characteristic)$/);
    expect(s.turns.map((t) => t.content)).not.toContain(followUp);
  });
});
