import type { FinalizeOut, HistoryOut, TurnOut } from "@/lib/api/schemas/agent";

// Plays a whole interview over HTTP exactly as the voice agent does: the same endpoints, the
// same credential, the same recovery after a crash (everything it knows comes from /history).

export type SimulateOptions = {
  baseUrl: string;
  interviewId: string;
  agentSecret: string;
  /** "real" waits as long as people talk; "fast" does not wait. */
  speed: "fast" | "real";
  /** Turn number after which the agent "crashes" and restarts from /history (default: mid-interview). */
  crashAfterTurn?: number;
};

const ANSWERS = [
  "I studied computer science and spent five years building payment APIs; this role is the next step.",
  "I led the migration of our billing system to event sourcing; I wrote the replay tooling myself.",
  "During an outage I bisected a bad deploy in twenty minutes and rolled it back, then wrote the post-mortem.",
  "I want to own a service end to end and mentor one junior engineer in my first six months.",
];

class AgentHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

class AgentClient {
  requests = 0;
  constructor(private readonly o: SimulateOptions) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    this.requests++;
    const res = await fetch(`${this.o.baseUrl}/api/interviews/${this.o.interviewId}${path}`, {
      method,
      headers: { "x-agent-secret": this.o.agentSecret, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as T;
    if (res.status >= 400) throw new AgentHttpError(res.status, json, `${method} ${path}`);
    return { status: res.status, json };
  }
  history = () => this.call<HistoryOut>("GET", "/history").then((r) => r.json);
  turn = (body: Record<string, unknown>) => this.call<TurnOut>("POST", "/turns", body);
  patch = (n: number, body: Record<string, unknown>) => this.call<TurnOut>("PATCH", `/turns/${n}`, body).then((r) => r.json);
  finalize = () => this.call<FinalizeOut>("POST", "/finalize", {}).then((r) => r.json);
}

/** One agent run: reads history, then asks whatever is left. Returns when done or when it "crashes". */
async function runAgent(client: AgentClient, o: SimulateOptions, crashAfterTurn: number | null, log: Record<string, unknown>[]) {
  const pause = (ms: number) => (o.speed === "real" ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());
  const h = await client.history();
  if (h.status !== "DRAFT" && h.status !== "INVITED" && h.status !== "IN_PROGRESS") throw new Error(`Interview is ${h.status}; nothing to simulate.`);
  let next = h.nextTurnNumber;
  const asked = new Set(h.askedQuestionIds);
  log.push({ event: "history", nextTurnNumber: next, pendingQuestion: h.pendingQuestion?.turnNumber ?? null, asked: [...asked] });

  const say = async (body: Record<string, unknown>) => {
    const { json } = await client.turn({ turnNumber: next, ...body });
    next++;
    if (crashAfterTurn !== null && json.turnNumber >= crashAfterTurn) return "crash" as const;
    return json;
  };

  const answer = async (question: { id: string }, questionTurn: number) => {
    await pause(4000);
    // The transcript arrives in two steps: a partial line at once, the corrected text later.
    const idx = h.config.questions.findIndex((q) => q.id === question.id);
    const text = ANSWERS[idx % ANSWERS.length]!;
    const partial = await say({ role: "candidate", content: text.split(" ").slice(0, 4).join(" ") + "…" });
    if (partial === "crash") return "crash";
    // The per-turn evaluation rates the configured criteria 1–5 (the shape reports read); the
    // ratings vary by answer so the demo's scorecard is not flat.
    const criteria = Object.fromEntries(h.config.criteria.map((c, i) => [c.key, 3 + ((idx + i) % 3)]));
    await client.patch(partial.turnNumber, { content: text, evaluation: { questionId: question.id, criteria, flags: [] } });
    await client.patch(questionTurn, { isPendingQuestion: false });
    log.push({ event: "answered", questionId: question.id, turnNumber: partial.turnNumber, patched: true });
    return "ok";
  };

  // A question pending when the previous run stopped is not asked again: its answer is awaited.
  if (h.pendingQuestion) {
    const qid = h.pendingQuestion.evaluation?.questionId;
    const question = h.config.questions.find((q) => q.id === qid) ?? { id: String(qid) };
    log.push({ event: "resumed-pending-question", turnNumber: h.pendingQuestion.turnNumber, questionId: question.id });
    if ((await answer(question, h.pendingQuestion.turnNumber)) === "crash") return "crash";
  }
  if (next === 1) {
    const intro = await say({ role: "agent", content: `${h.config.intro} Hello ${h.candidate.firstName}.`, evaluation: { questionId: "intro" } });
    if (intro === "crash") return "crash";
    // A lost acknowledgement: the agent sends the same turn again and gets the stored one.
    const retry = await client.turn({ turnNumber: intro.turnNumber, role: "agent", content: intro.content, evaluation: { questionId: "intro" } });
    log.push({ event: "retried-turn", turnNumber: intro.turnNumber, status: retry.status });
  }
  for (const question of h.config.questions) {
    if (asked.has(question.id)) continue;
    await pause(1500);
    const q = await say({ role: "agent", content: question.text, isPendingQuestion: true, evaluation: { questionId: question.id } });
    if (q === "crash") return "crash";
    asked.add(question.id);
    if ((await answer(question, q.turnNumber)) === "crash") return "crash";
  }
  await say({ role: "agent", content: `Thank you ${h.candidate.firstName}, that is all my questions. The team will be in touch.` });
  return "done";
}

/** The whole interview, with one simulated crash, then finalize. Returns a summary. */
export async function simulateInterview(o: SimulateOptions) {
  const started = Date.now();
  const client = new AgentClient(o);
  const log: Record<string, unknown>[] = [];
  const first = await client.history();
  const crashAfter = o.crashAfterTurn ?? first.nextTurnNumber + 3;
  const outcome = await runAgent(client, o, crashAfter, log);
  if (outcome === "crash") {
    // Everything in memory is gone; the restarted agent only has the server's history.
    log.push({ event: "crash", afterTurn: crashAfter });
    await runAgent(client, o, null, log);
  }
  const final = await client.finalize();
  const h = await client.history();
  return {
    interviewId: o.interviewId,
    status: final.status,
    turns: h.turns.length,
    questionsAsked: h.askedQuestionIds.filter((id) => id !== "intro"),
    crashedAfterTurn: outcome === "crash" ? crashAfter : null,
    reportId: final.reportId,
    reportStatus: final.reportStatus,
    requests: client.requests,
    ms: Date.now() - started,
    steps: log,
  };
}
