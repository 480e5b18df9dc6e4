import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { interviewMessages, interviewReplyLeases } from "@/db/interview-messages";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import type { Ctx } from "@/lib/context";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { interviewerAnswer, invitedInterview, isInterviewerRequest, joinText, useInterviewerModel } from "../helpers/invite";
import { startOpenAIServer, type OpenAIServer, type Reply } from "../helpers/openai-server";

const db = setupTestDatabase();
const d = () => db.get().db;
let ctx: Ctx;
let server: OpenAIServer;

beforeAll(async () => {
  ({ ctx } = await createTestOrg(d()));
  server = await startOpenAIServer({ fallback: interviewerAnswer() });
});
afterAll(() => server.close());
beforeEach(() => useInterviewerModel(null));

const storedTurns = (interviewId: string) => d().select().from(interviewTurns).where(eq(interviewTurns.interviewId, interviewId)).orderBy(interviewTurns.turnNumber);

async function joined() {
  const it = await invitedInterview(d(), ctx);
  const join = await joinText(d(), it.token, it.client);
  expect(join.status).toBe(200);
  return { ...it, join };
}

describe("POST /api/invite/:token/messages", () => {
  it("records the candidate's turn and answers it with the interviewer's reply", async () => {
    const { interview, client } = await joined();
    const res = await client.message({ clientMessageId: "m-1", content: "  I built payment APIs for five years.  " });
    expect(res.status).toBe(200);
    expect(res.json.turns.map((t: { turnNumber: number; role: string }) => [t.turnNumber, t.role])).toEqual([
      [3, "candidate"],
      [4, "agent"],
    ]);
    expect(res.json.turns[0].content).toBe("I built payment APIs for five years.");
    expect(res.json.turns[1].content).toContain(interview.configSnapshot.questions[1]!.text);
    expect(res.json).toMatchObject({ done: false, progress: { asked: 2, total: interview.configSnapshot.questions.length } });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("the same clientMessageId again answers the same and writes nothing", async () => {
    const { interview, client } = await joined();
    const first = await client.message({ clientMessageId: "m-1", content: "I built payment APIs." });
    const turns = await storedTurns(interview.id);
    const again = await client.message({ clientMessageId: "m-1", content: "I built payment APIs." });
    expect(again.status).toBe(200);
    expect({ ...again.json, time: undefined }).toEqual({ ...first.json, time: undefined });
    expect(await storedTurns(interview.id)).toEqual(turns);
    // An id reused for other words is refused, not silently answered.
    const other = await client.message({ clientMessageId: "m-1", content: "Something else entirely." });
    expect(other.status).toBe(409);
    expect(await storedTurns(interview.id)).toEqual(turns);
  });

  it("another message while a reply is being produced is a 409 reply_in_progress; a retry of the first waits for its answer", async () => {
    useInterviewerModel(server.baseUrl);
    const { interview, client } = await joined();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const before = server.requests.length;
    server.script(async (req): Promise<Reply> => {
      expect(isInterviewerRequest(req)).toBe(true);
      await held;
      return interviewerAnswer()(req);
    });
    const first = client.message({ clientMessageId: "slow", content: "I led the billing migration to event sourcing." });
    await server.received(before + 1);

    const second = await client.message({ clientMessageId: "fast", content: "And another thing." });
    expect(second.status).toBe(409);
    expect(second.json.code).toBe("reply_in_progress");
    const retry = client.message({ clientMessageId: "slow", content: "I led the billing migration to event sourcing." });

    release();
    const [a, b] = await Promise.all([first, retry]);
    expect(a.status).toBe(200);
    // The same answer; only the clock (time.elapsedSeconds) may have moved.
    expect({ ...b.json, time: undefined }).toEqual({ ...a.json, time: undefined });
    expect(a.json.turns.map((t: { role: string }) => t.role)).toEqual(["candidate", "agent"]);
    const stored = await storedTurns(interview.id);
    expect(stored.map((t) => t.turnNumber)).toEqual([1, 2, 3, 4]);
    expect(stored.filter((t) => t.content === "And another thing.")).toEqual([]);
    // Once the reply is there, the next message goes through.
    expect((await client.message({ clientMessageId: "fast", content: "And another thing." })).status).toBe(200);
  });

  it("a process that died mid-reply: its lease lapses, and the message sent again is recorded and answered once", async () => {
    const { interview, client } = await joined();
    // What a crash right after recording the message id leaves: the id, its turn number, a lease.
    await d().insert(interviewMessages).values({ interviewId: interview.id, organizationId: ctx.organizationId, clientMessageId: "lost", turnNumber: 3 });
    await d().insert(interviewReplyLeases).values({ interviewId: interview.id, organizationId: ctx.organizationId, holder: "dead", clientMessageId: "lost", expiresAt: new Date(Date.now() + 60_000) });
    const other = await client.message({ clientMessageId: "new", content: "Hello?" });
    expect(other.json.code).toBe("reply_in_progress");

    await d().update(interviewReplyLeases).set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await client.message({ clientMessageId: "lost", content: "Five years of payment APIs." });
    expect(res.status).toBe(200);
    expect(res.json.turns.map((t: { turnNumber: number; role: string }) => [t.turnNumber, t.role])).toEqual([
      [3, "candidate"],
      [4, "agent"],
    ]);
    expect((await storedTurns(interview.id)).map((t) => t.turnNumber)).toEqual([1, 2, 3, 4]);
    expect(await d().select().from(interviewReplyLeases).where(eq(interviewReplyLeases.interviewId, interview.id))).toEqual([]);
  });

  it("an empty or too long message is a 422 naming `content`", async () => {
    const { interview, client } = await joined();
    const turns = await storedTurns(interview.id);
    for (const content of ["", "   \n ", "x".repeat(4001), undefined]) {
      const res = await client.message({ clientMessageId: "m", content });
      expect(res.status).toBe(422);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(["content"]);
    }
    expect((await client.message({ clientMessageId: "", content: "hi" })).json.errors[0].field).toBe("clientMessageId");
    expect((await client.message({ clientMessageId: "x".repeat(101), content: "hi" })).status).toBe(422);
    expect(await storedTurns(interview.id)).toEqual(turns);
    expect((await client.message({ clientMessageId: "m", content: ` ${"x".repeat(4000)} ` })).status).toBe(200);
  });

  it("before the text join: 409; once the interview is done: 410 interview_completed", async () => {
    const { token, client } = await invitedInterview(d(), ctx);
    const early = await client.message({ clientMessageId: "m", content: "hello" });
    expect(early.status).toBe(409);
    expect(early.json.code).toBe("invalid_state");
    await joinText(d(), token, client);
    const end = await client.message({ clientMessageId: "bye", content: "I would like to speak to a human, please." });
    expect(end.json.done).toBe(true);
    const after = await client.message({ clientMessageId: "late", content: "One more thing." });
    expect(after.status).toBe(410);
    expect(after.json.code).toBe("interview_completed");
  });

  it("a reload resumes: the conversation holds every turn once, in order", async () => {
    const { interview, client, join } = await joined();
    const one = await client.message({ clientMessageId: "a", content: "Five years of payment APIs." });
    const reload = await client.conversation();
    expect(reload.status).toBe(200);
    expect(reload.json).toMatchObject({ status: "IN_PROGRESS", done: false, progress: one.json.progress });
    expect(reload.json.turns).toEqual([...join.json.turns, ...one.json.turns]);
    expect(reload.json.turns.map((t: { turnNumber: number }) => t.turnNumber)).toEqual([1, 2, 3, 4]);
    expect(await storedTurns(interview.id)).toHaveLength(4);
  });

  it("the candidate never sees an evaluation, though the model rated the answer", async () => {
    useInterviewerModel(server.baseUrl);
    const { interview, client } = await joined();
    const res = await client.message({ clientMessageId: "a", content: "I led the billing migration and wrote the replay tooling." });
    const rated = (await storedTurns(interview.id)).find((t) => t.turnNumber === 3)!;
    expect(rated.evaluation).toMatchObject({ criteria: expect.any(Object), rater: "gpt-4o" });
    expect(Object.keys(rated.evaluation!.criteria as object).length).toBeGreaterThan(0);
    for (const answer of [res, await client.conversation()]) {
      for (const t of answer.json.turns) expect(Object.keys(t).sort()).toEqual(["content", "createdAt", "role", "turnNumber"]);
      expect(answer.text).not.toMatch(/evaluation|criteria|score|isPendingQuestion/);
    }
    const [row] = await d().select().from(interviews).where(eq(interviews.id, interview.id));
    expect(row!.status).toBe("IN_PROGRESS");
  });
});
