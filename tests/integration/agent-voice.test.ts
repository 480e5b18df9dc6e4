import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Conversation, type ConversationSettings } from "@/agent/conversation";
import { httpInterviewPort } from "@/agent/http-port";
import { voiceLines } from "@/agent/lines";
import { backgroundJobs } from "@/db/background-jobs";
import { interviews, type InterviewStatus } from "@/db/interviews";
import { reports } from "@/db/reports";
import type { InterviewConfigSnapshot } from "@/db/interview-configs";
import type { Ctx } from "@/lib/context";
import { parseAgentEnv } from "@/agent/env";
import { agentInterviewer } from "@/agent/interviewer-agent";
import { createInterviewer, type Interviewer } from "@/lib/interviewer";
import { lines } from "@/lib/interviewer/lines";
import { createTestInterview, TEST_AGENT_SECRET } from "../helpers/agent-fixtures";
import { useAgentEnv } from "../helpers/agent-env";
import { listenAgentHttp } from "../helpers/agent-http";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { FakeClock, modelAnswer } from "../helpers/interviewer";
import { startOpenAIServer } from "../helpers/openai-server";
import { FakeSpeech, serialChecked, waitFor } from "../helpers/voice";

// The voice agent's loop (agent/conversation.ts) in text mode: no room, a fake speech interface
// and a fake clock, against the real agent endpoints served over HTTP from this file's database.

const db = setupTestDatabase();
let ctx: Ctx;
let server: Awaited<ReturnType<typeof listenAgentHttp>>;

beforeAll(async () => {
  useAgentEnv();
  ({ ctx } = await createTestOrg(db.get().db));
  server = await listenAgentHttp();
});
afterAll(async () => {
  await server?.close();
});

const QUESTIONS = [
  { id: "q1", text: "Could you walk me through your background?", followUps: [] },
  { id: "q2", text: "Tell me about a project you are proud of.", followUps: [] },
];
const INTRO = "Hello, I am Parley, an AI interviewer. This conversation is recorded.";
const en = lines("en");
const voice = voiceLines("en");

async function newInterview(over: { maxDurationMinutes?: number; status?: InterviewStatus } = {}) {
  const { id } = await createTestInterview(db.get().db, ctx, { status: over.status ?? "INVITED", questions: QUESTIONS });
  const [row] = await db.get().db.select().from(interviews).where(eq(interviews.id, id));
  const snapshot: InterviewConfigSnapshot = { ...row!.configSnapshot, intro: INTRO, ...(over.maxDurationMinutes ? { maxDurationMinutes: over.maxDurationMinutes } : {}) };
  await db.get().db.update(interviews).set({ configSnapshot: snapshot }).where(eq(interviews.id, id));
  return id;
}

/** One run of the agent on an interview: what a LiveKit job does, with the room faked. */
function voiceRun(id: string, opts: { clock?: FakeClock; settings?: Partial<ConversationSettings>; interviewer?: Interviewer } = {}) {
  const clock = opts.clock ?? new FakeClock(Date.now());
  const speech = new FakeSpeech();
  const port = serialChecked(
    httpInterviewPort({ baseUrl: server.baseUrl, interviewId: id, credential: { kind: "secret", secret: TEST_AGENT_SECRET }, sleep: async () => {} }),
  );
  const conversation = new Conversation({
    interviewer: opts.interviewer ?? createInterviewer({ clock, model: null, followUpBudget: 2, modelTimeoutMs: 1000 }),
    port,
    clock,
    speech,
    settings: { silenceCheckInMs: 30_000, silenceEndMs: 30_000, rejoinGraceMs: 120_000, settleMs: 3_000, ...opts.settings },
  });
  const done = conversation.start();
  return { clock, speech, port, conversation, done };
}

const historyOf = (id: string) => httpInterviewPort({ baseUrl: server.baseUrl, interviewId: id, credential: { kind: "secret", secret: TEST_AGENT_SECRET } }).history();
const compact = (turns: { turnNumber: number; role: string; content: string; isPendingQuestion: boolean }[]) =>
  turns.map((t) => ({ n: t.turnNumber, role: t.role, content: t.content, pending: t.isPendingQuestion }));

async function expectReportQueued(id: string) {
  const [row] = await db.get().db.select().from(interviews).where(eq(interviews.id, id));
  expect(row!.status).toBe("COMPLETED");
  expect(row!.reportId).toMatch(/^rep_/);
  const [report] = await db.get().db.select().from(reports).where(eq(reports.id, row!.reportId!));
  expect(report).toMatchObject({ interviewId: id });
  const jobs = await db.get().db.select().from(backgroundJobs).where(eq(backgroundJobs.dedupeKey, `report.generate:${row!.reportId}`));
  expect(jobs).toHaveLength(1);
}

describe("the voice loop against the agent endpoints", () => {
  it("conducts a whole interview: turns in the order spoken, pending flags, finalize with a report queued", async () => {
    const id = await newInterview();
    const run = voiceRun(id);
    await run.speech.until(2);
    expect(run.speech.said).toEqual([INTRO, QUESTIONS[0]!.text]);

    // Two final transcripts of one answer arrive out of order: the turn keeps the spoken order.
    const t = Date.now();
    run.speech.emit({ type: "speaking" });
    run.speech.emit({ type: "transcript", text: "and then I led the billing migration.", spokenAt: t + 4000 });
    run.speech.emit({ type: "transcript", text: "I studied computer science,", spokenAt: t });
    run.speech.emit({ type: "turnEnd" });
    await run.speech.until(3);
    expect(run.speech.said[2]).toBe(`${en.acknowledgement} ${QUESTIONS[1]!.text}`);

    run.speech.answer("A replay tool for our event store.", Date.now());
    expect(await run.done).toEqual({ reason: "ended", outcome: "completed" });
    expect(run.speech.said[3]).toBe(en.closing("Ada"));

    const h = await historyOf(id);
    expect(h.status).toBe("COMPLETED");
    expect(compact(h.turns)).toEqual([
      { n: 1, role: "agent", content: INTRO, pending: false },
      { n: 2, role: "agent", content: QUESTIONS[0]!.text, pending: false },
      { n: 3, role: "candidate", content: "I studied computer science, and then I led the billing migration.", pending: false },
      { n: 4, role: "agent", content: `${en.acknowledgement} ${QUESTIONS[1]!.text}`, pending: false },
      { n: 5, role: "candidate", content: "A replay tool for our event store.", pending: false },
      { n: 6, role: "agent", content: en.closing("Ada"), pending: false },
    ]);
    expect(h.turns[2]!.evaluation).toMatchObject({ questionId: "q1" });
    expect(h.turns[4]!.evaluation).toMatchObject({ questionId: "q2" });
    expect(h.askedQuestionIds).toEqual(["q1", "q2"]);
    await expectReportQueued(id);
    expect(run.port.maxInFlight()).toBe(1);
  });

  it("an answer with pauses is one turn; words with no end of turn count as one after a while", async () => {
    const id = await newInterview();
    const run = voiceRun(id);
    await run.speech.until(2);
    await waitFor(() => run.clock.waiting >= 2, "the loop waiting");
    run.speech.emit({ type: "transcript", text: "I studied computer science.", spokenAt: run.clock.now() });
    run.clock.advance(2_000);
    run.speech.emit({ type: "speaking" });
    run.clock.advance(2_000);
    run.speech.emit({ type: "transcript", text: "Then five years of payment APIs.", spokenAt: run.clock.now() });
    run.speech.emit({ type: "turnEnd" });
    await run.speech.until(3);
    // No end of turn this time (words said over the agent, say): the settle time closes it.
    await waitFor(() => run.clock.waiting >= 2, "the loop waiting");
    run.speech.emit({ type: "transcript", text: "A replay tool.", spokenAt: run.clock.now() });
    await waitFor(() => run.clock.waiting >= 2, "the settle timer");
    run.clock.advance(3_000);
    expect(await run.done).toEqual({ reason: "ended", outcome: "completed" });
    const h = await historyOf(id);
    expect(h.turns.filter((t) => t.role === "candidate").map((t) => t.content)).toEqual(["I studied computer science. Then five years of payment APIs.", "A replay tool."]);
  });

  it("with a model (the worker's own settings, at a local OpenAI-compatible server): follow-up said, answer rated", async () => {
    const model = await startOpenAIServer();
    try {
      model.script(
        { content: JSON.stringify(modelAnswer({ needsFollowUp: true, followUp: "What did you build yourself?", ratings: [{ key: "experience", score: 4, evidence: ["payment APIs"] }] })) },
        { content: JSON.stringify(modelAnswer({ ratings: [{ key: "experience", score: 5, evidence: ["the replay tool"] }] })) },
        { content: JSON.stringify(modelAnswer()) },
      );
      const interviewer = agentInterviewer(parseAgentEnv({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: model.baseUrl, INTERVIEWER_MODEL: "gpt-interviewer-test" }));
      const id = await newInterview();
      const run = voiceRun(id, { interviewer });
      await run.speech.until(2);
      run.speech.answer("Five years of payment APIs.", Date.now());
      await run.speech.until(3);
      expect(run.speech.said[2]).toBe("What did you build yourself?");
      run.speech.answer("I wrote the replay tool myself.", Date.now());
      await run.speech.until(4);
      expect(run.speech.said[3]).toBe(`${en.acknowledgement} ${QUESTIONS[1]!.text}`);
      run.speech.answer("A migration.", Date.now());
      expect(await run.done).toEqual({ reason: "ended", outcome: "completed" });

      expect(model.requests.map((r) => r.body.model)).toEqual(["gpt-interviewer-test", "gpt-interviewer-test", "gpt-interviewer-test"]);
      const h = await historyOf(id);
      expect(h.turns[2]).toMatchObject({ role: "candidate", evaluation: { questionId: "q1", criteria: { experience: 4 }, evidence: { experience: [{ turnNumber: 3, quote: "payment APIs" }] } } });
      expect(h.turns[3]).toMatchObject({ role: "agent", content: "What did you build yourself?", isPendingQuestion: false, evaluation: { action: "follow_up", questionId: "q1" } });
      expect(h.turns[4]).toMatchObject({ role: "candidate", evaluation: { questionId: "q1", criteria: { experience: 5 } } });
      await expectReportQueued(id);
    } finally {
      await model.close();
    }
  });

  it("a question is pending until answered", async () => {
    const id = await newInterview();
    const run = voiceRun(id);
    await run.speech.until(2);
    await waitFor(() => run.clock.waiting >= 2, "the loop waiting for the candidate");
    const h = await historyOf(id);
    expect(h.pendingQuestion).toMatchObject({ turnNumber: 2, isPendingQuestion: true, evaluation: { questionId: "q1" } });
    run.conversation.stop();
    expect(await run.done).toEqual({ reason: "stopped" });
  });

  it("after a crash, a new run continues without repeating an answered question", async () => {
    const id = await newInterview();
    const first = voiceRun(id);
    await first.speech.until(2);
    first.speech.answer("Five years of payment APIs.", Date.now());
    await first.speech.until(3);
    // The process dies: nothing of the first run survives but what it wrote.
    first.conversation.stop();

    const second = voiceRun(id);
    await second.speech.until(1);
    expect(second.speech.said).toEqual([en.cutOff(QUESTIONS[1]!.text)]);
    second.speech.answer("The replay tool.", Date.now());
    expect(await second.done).toEqual({ reason: "ended", outcome: "completed" });
    expect(second.speech.said).toEqual([en.cutOff(QUESTIONS[1]!.text), en.closing("Ada")]);

    const h = await historyOf(id);
    expect(h.turns.filter((t) => t.evaluation?.questionId === "q1" && t.role === "agent")).toHaveLength(1);
    expect(h.turns.map((t) => t.turnNumber)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(h.turns[4]).toMatchObject({ role: "agent", evaluation: { action: "repeat", questionId: "q2" } });
    expect(h.pendingQuestion).toBeNull();
    expect(h.turns.filter((t) => t.isPendingQuestion)).toEqual([]);
    await expectReportQueued(id);
  });

  it("after a crash between the answer and the reply, the new run answers it", async () => {
    const id = await newInterview();
    const first = voiceRun(id);
    await first.speech.until(2);
    first.conversation.stop();
    // The answer was recorded, then the agent died before replying.
    await httpInterviewPort({ baseUrl: server.baseUrl, interviewId: id, credential: { kind: "secret", secret: TEST_AGENT_SECRET } }).recordTurn({
      turnNumber: 3,
      role: "candidate",
      content: "Five years of payment APIs.",
    });
    const second = voiceRun(id);
    await second.speech.until(1);
    expect(second.speech.said).toEqual([`${en.acknowledgement} ${QUESTIONS[1]!.text}`]);
    second.conversation.stop();
  });

  it("silence gets a check-in, an answer after it counts for the question, then silence ends politely", async () => {
    const id = await newInterview();
    const run = voiceRun(id);
    await run.speech.until(2);
    await waitFor(() => run.clock.waiting >= 2, "the silence and time timers");
    run.clock.advance(30_000);
    await run.speech.until(3);
    expect(run.speech.said[2]).toBe(voice.checkIn(QUESTIONS[0]!.text));

    run.speech.answer("Sorry, I was muted. Five years of payment APIs.", run.clock.now());
    await run.speech.until(4);
    expect(run.speech.said[3]).toBe(`${en.acknowledgement} ${QUESTIONS[1]!.text}`);
    let h = await historyOf(id);
    // The check-in took over the wait from the question, and the answer cleared it.
    expect(h.turns[1]).toMatchObject({ role: "agent", isPendingQuestion: false, evaluation: { questionId: "q1" } });
    expect(h.turns[2]).toMatchObject({ role: "agent", isPendingQuestion: false, evaluation: { action: "repeat", questionId: "q1", reason: "silence" } });
    expect(h.turns[3]).toMatchObject({ role: "candidate", evaluation: { questionId: "q1" } });

    // Silent again: a check-in, then the end.
    await waitFor(() => run.clock.waiting >= 2, "the silence timer");
    run.clock.advance(30_000);
    await run.speech.until(5);
    expect(run.speech.said[4]).toBe(voice.checkIn(QUESTIONS[1]!.text));
    await waitFor(() => run.clock.waiting >= 2, "the second silence timer");
    run.clock.advance(30_000);
    expect(await run.done).toEqual({ reason: "silence", finalized: true });
    expect(run.speech.said[5]).toBe(voice.silenceEnd("Ada"));
    h = await historyOf(id);
    expect(h.turns.at(-1)).toMatchObject({ role: "agent", content: voice.silenceEnd("Ada"), evaluation: { action: "end", outcome: "completed", reason: "silence" } });
    await expectReportQueued(id);
    expect(run.port.maxInFlight()).toBe(1);
  });

  it("a candidate never heard at all is not completed: the interview stays open for a rejoin", async () => {
    const id = await newInterview();
    const run = voiceRun(id);
    await run.speech.until(2);
    await waitFor(() => run.clock.waiting >= 2, "the silence timer");
    run.clock.advance(30_000);
    await run.speech.until(3);
    await waitFor(() => run.clock.waiting >= 2, "the second silence timer");
    run.clock.advance(30_000);
    expect(await run.done).toEqual({ reason: "silence", finalized: false });
    expect(run.speech.said[3]).toBe(voice.noAnswer());
    expect((await historyOf(id)).status).toBe("IN_PROGRESS");

    // Back later: the question is put again.
    const again = voiceRun(id);
    await again.speech.until(1);
    expect(again.speech.said[0]).toBe(en.cutOff(QUESTIONS[0]!.text));
    await waitFor(() => again.clock.waiting >= 2, "the rejoined run waiting");
    const pending = (await historyOf(id)).turns.filter((t) => t.isPendingQuestion);
    expect(pending.map((t) => t.content)).toEqual([en.cutOff(QUESTIONS[0]!.text)]);
    again.conversation.stop();
  });

  it("holds the time limit while the candidate says nothing", async () => {
    const id = await newInterview({ maxDurationMinutes: 2 });
    const run = voiceRun(id, { settings: { silenceCheckInMs: 600_000 } });
    await run.speech.until(2);
    await waitFor(() => run.clock.waiting >= 2, "the time limit timer");
    run.clock.advance(125_000);
    expect(await run.done).toEqual({ reason: "ended", outcome: "timeUp" });
    expect(run.speech.said[2]).toBe(en.wrapUp("Ada"));
    await expectReportQueued(id);
  });

  it("waits for a candidate who dropped, resumes when they rejoin, closes when they do not come back", async () => {
    const id = await newInterview();
    const run = voiceRun(id);
    await run.speech.until(2);
    run.speech.answer("Five years of payment APIs.", Date.now());
    await run.speech.until(3);

    await waitFor(() => run.clock.waiting >= 2, "the loop waiting");
    run.speech.emit({ type: "left" });
    run.clock.advance(60_000);
    // Within the grace period nothing is said and no silence is counted.
    await new Promise((r) => setTimeout(r, 50));
    expect(run.speech.said).toHaveLength(3);
    run.speech.emit({ type: "joined" });
    await run.speech.until(4);
    expect(run.speech.said[3]).toBe(en.cutOff(QUESTIONS[1]!.text));

    await waitFor(() => run.clock.waiting >= 2, "the loop waiting again");
    run.speech.emit({ type: "left" });
    run.clock.advance(121_000);
    expect(await run.done).toEqual({ reason: "abandoned", finalized: true });
    expect(run.speech.said).toHaveLength(4);
    await expectReportQueued(id);
    expect(run.port.maxInFlight()).toBe(1);
  });

  it("what was said just before dropping is kept and answered after the rejoin", async () => {
    const id = await newInterview();
    const run = voiceRun(id);
    await run.speech.until(2);
    run.speech.emit({ type: "transcript", text: "Five years of payment APIs.", spokenAt: Date.now() });
    run.speech.emit({ type: "left" });
    await waitFor(() => run.port.calls.includes("recordTurn"), "the answer recorded");
    run.speech.emit({ type: "joined" });
    await run.speech.until(3);
    expect(run.speech.said[2]).toBe(`${en.acknowledgement} ${QUESTIONS[1]!.text}`);
    run.conversation.stop();
  });

  it("a request for a person ends the interview and finalizes it flagged", async () => {
    const id = await newInterview();
    const run = voiceRun(id);
    await run.speech.until(2);
    run.speech.answer("Can I speak to a human, please?", Date.now());
    expect(await run.done).toEqual({ reason: "ended", outcome: "humanRequested" });
    expect(run.speech.said[2]).toBe(en.humanRequested("Ada"));
    const h = await historyOf(id);
    expect(h.turns.at(-1)).toMatchObject({ evaluation: { action: "end", outcome: "humanRequested" } });
    // Sent as { humanRequested: true }; an app without that field yet is finalized without it.
    await expectReportQueued(id);
  });

  it("stops when the interview is cancelled meanwhile", async () => {
    const id = await newInterview();
    const run = voiceRun(id);
    await run.speech.until(2);
    await db.get().db.update(interviews).set({ status: "CANCELLED" }).where(eq(interviews.id, id));
    run.speech.answer("Five years of payment APIs.", Date.now());
    expect(await run.done).toEqual({ reason: "closed" });
  });

  it("does nothing on an interview that is already closed", async () => {
    const id = await newInterview({ status: "CANCELLED" });
    const run = voiceRun(id);
    expect(await run.done).toEqual({ reason: "closed" });
    expect(run.speech.said).toEqual([]);
  });
});
