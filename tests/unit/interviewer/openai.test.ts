import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { interviewerFromEnv } from "@/lib/interviewer";
import { FakeClock, Session, modelAnswer } from "@/tests/helpers/interviewer";
import { startOpenAIServer, type OpenAIServer } from "@/tests/helpers/openai-server";

// The real openai SDK against a local OpenAI-compatible server: the settings, the request the
// interviewer sends, and what it does with the server's answers.

let server: OpenAIServer;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(() => server.close());
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  server.requests.length = 0;
});

function withEnv(vars: Record<string, string | undefined>) {
  Object.assign(process.env, vars);
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  resetEnvCache();
}

/** A session driven by the interviewer the environment describes. */
async function answeredFirstQuestion() {
  const clock = new FakeClock();
  const interviewer = interviewerFromEnv({ clock });
  const s = new Session(clock);
  const run = async () => s.apply(await interviewer.next(s.input()));
  await run();
  s.say("I led the migration of our billing system.");
  await run();
  return { s, interviewer };
}

describe("interviewer model through the openai SDK", () => {
  it("without OPENAI_API_KEY is the scripted interviewer and calls nothing", async () => {
    withEnv({ OPENAI_API_KEY: undefined, OPENAI_BASE_URL: server.baseUrl });
    const { s, interviewer } = await answeredFirstQuestion();
    expect(interviewer.mode).toBe("scripted");
    expect(s.last().evaluation).toEqual({ action: "question", questionId: "q2" });
    expect(server.requests).toHaveLength(0);
  });

  it("sends one strict structured-output request to OPENAI_BASE_URL with INTERVIEWER_MODEL, and uses the answer", async () => {
    withEnv({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: "report-model", INTERVIEWER_MODEL: "interviewer-model" });
    server.script({
      content: JSON.stringify(modelAnswer({ needsFollowUp: true, followUp: "What did you build yourself?", ratings: [{ key: "experience", score: 4, evidence: ["the migration of our billing system"] }] })),
    });
    const { s, interviewer } = await answeredFirstQuestion();
    expect(interviewer.mode).toBe("interviewer-model");
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.headers.authorization).toBe("Bearer sk-test");
    expect(req.body.model).toBe("interviewer-model");
    expect(req.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "interviewer_step", strict: true } });
    const schema = req.body.response_format!.json_schema!.schema as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required.sort()).toEqual(["followUp", "intent", "needsFollowUp", "ratings"]);
    expect(s.last()).toMatchObject({ content: "What did you build yourself?", isPendingQuestion: true, evaluation: { action: "follow_up", questionId: "q1" } });
    expect(s.turns[2]!.evaluation).toMatchObject({ criteria: { experience: 4 }, rater: "interviewer-model" });
  });

  it("uses OPENAI_MODEL when INTERVIEWER_MODEL is unset", async () => {
    withEnv({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: "report-model", INTERVIEWER_MODEL: undefined });
    server.script({ content: JSON.stringify(modelAnswer()) });
    await answeredFirstQuestion();
    expect(server.requests[0]!.body.model).toBe("report-model");
  });

  it.each([
    ["an HTTP 500", { status: 500, error: "upstream down" }, /model call failed/],
    ["a 429", { status: 429, error: "slow down" }, /model call failed/],
    ["content that is not JSON", { content: "I think a follow-up would help." }, /not JSON/],
    ["an answer cut off by the token limit", { content: "{\"intent\":", finishReason: "length" }, /cut off/],
  ])("falls back to the script on %s, without retrying", async (_, reply, reason) => {
    withEnv({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: server.baseUrl });
    server.script(reply);
    const clock = new FakeClock();
    const interviewer = interviewerFromEnv({ clock });
    const s = new Session(clock);
    s.apply(await interviewer.next(s.input()));
    s.say("Payments.");
    const step = await interviewer.next(s.input());
    expect(step.source).toBe("fallback");
    expect(step.fallbackReason).toMatch(reason);
    expect(step.actions.map((a) => a.questionId)).toEqual(["q2"]);
    expect(server.requests).toHaveLength(1);
  });
});
