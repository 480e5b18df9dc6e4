import type http from "node:http";
import { startJsonServer } from "./json-server";

// A small server on 127.0.0.1 that speaks the OpenAI chat completions API, so the real SDK
// (pointed at it with OPENAI_BASE_URL) is exercised end to end: request shape, error
// statuses, response parsing. Tests script its answers; unscripted requests get a valid,
// grounded report built from the request itself.
// Every answer closes its connection (see json-server.ts for why).

export type ReceivedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: ChatRequest };
export type ChatRequest = {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  [key: string]: unknown;
};

/** One scripted answer: an HTTP error, raw assistant content, or a function of the request. */
export type Reply =
  | { status: number; error: string }
  | { content: string; finishReason?: string }
  | ((req: ChatRequest) => Reply | Promise<Reply>);

export type OpenAIServer = {
  /** Base URL for the SDK, ending in /v1. */
  baseUrl: string;
  requests: ReceivedRequest[];
  /** The most requests the server was answering at one time. */
  maxInFlight: () => number;
  /** Answers for the next requests, in order; then the default (a grounded report). */
  script: (...replies: Reply[]) => void;
  /** Resolves once the server has received `count` requests in all. */
  received: (count: number) => Promise<void>;
  close: () => Promise<void>;
};

export function chatCompletion(content: string, model: string, finishReason = "stop") {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null, annotations: [] }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 1000, completion_tokens: 300, total_tokens: 1300 },
    system_fingerprint: "fp_local",
  };
}

const ERROR_TYPES: Record<number, string> = { 400: "invalid_request_error", 401: "authentication_error", 429: "rate_limit_exceeded" };

/** The interview JSON Parley sends in its user message. */
export function interviewOf(req: ChatRequest): {
  criteria: { key: string; label: string; weight: number }[];
  transcript: { turn: number; role: string; text: string }[];
} {
  const user = req.messages.find((m) => m.role === "user")!.content;
  return JSON.parse(user.slice(user.indexOf("{")));
}

/** A well-formed answer: every criterion scored `score`, quoting the first candidate turn. */
export function groundedAnswer(req: ChatRequest, score: number | ((key: string) => number | null) = 4) {
  const { criteria, transcript } = interviewOf(req);
  const first = transcript.find((t) => t.role === "candidate");
  return {
    summary: "The candidate described relevant work with concrete examples.",
    strengths: ["Concrete examples"],
    concerns: [],
    criteria: criteria.map((c) => ({
      key: c.key,
      score: typeof score === "function" ? score(c.key) : score,
      rationale: `Assessed from the candidate's answers on ${c.label}.`,
      evidence: first ? [{ turnNumber: first.turn, quote: first.text.split(/\s+/).slice(0, 6).join(" ") }] : [],
    })),
  };
}

export async function startOpenAIServer(options: { latencyMs?: number; fallback?: Reply } = {}): Promise<OpenAIServer> {
  const requests: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const queue: Reply[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = await startJsonServer(async (req, raw, send) => {
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") return send(404, { error: { message: "Not found", type: "invalid_request_error" } });
    const body = JSON.parse(raw) as ChatRequest;
    requests.push({ method: req.method, path: req.url, headers: req.headers, body });
    for (const w of waiters.filter((w) => requests.length >= w.count)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    inFlight -= 1;
    let reply: Reply = queue.shift() ?? options.fallback ?? { content: JSON.stringify(groundedAnswer(body)) };
    while (typeof reply === "function") reply = await reply(body);
    if ("status" in reply) {
      return send(reply.status, { error: { message: reply.error, type: ERROR_TYPES[reply.status] ?? "server_error", param: null, code: null } });
    }
    send(200, chatCompletion(reply.content, body.model, reply.finishReason));
  });
  return {
    baseUrl: `http://127.0.0.1:${server.port}/v1`,
    requests,
    maxInFlight: () => maxInFlight,
    script: (...replies) => queue.push(...replies),
    received: (count) => (requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }))),
    close: server.close,
  };
}
