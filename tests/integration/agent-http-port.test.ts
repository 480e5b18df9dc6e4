import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentCredential } from "@/agent/credentials";
import { httpInterviewPort } from "@/agent/http-port";
import type { Ctx } from "@/lib/context";
import { createTestInterview, TEST_AGENT_SECRET, TEST_LIVEKIT } from "../helpers/agent-fixtures";
import { useAgentEnv } from "../helpers/agent-env";
import { listenAgentHttp } from "../helpers/agent-http";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";

// The voice agent's client of the agent endpoints (agent/http-port.ts): retries, giving up,
// finalize's humanRequested, and its LiveKit credential, against the real endpoints served
// over HTTP from this file's database (agent-voice.test.ts tests the loop that uses it).

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

const INTRO = "Hello, I am Parley, an AI interviewer. This conversation is recorded.";
const newInterview = async () => (await createTestInterview(db.get().db, ctx, { status: "INVITED" })).id;
const historyOf = (id: string) => httpInterviewPort({ baseUrl: server.baseUrl, interviewId: id, credential: { kind: "secret", secret: TEST_AGENT_SECRET } }).history();

/** A proxy in front of the agent endpoints that fails requests as `plan` says, and records them. */
async function flakyProxy(plan: (req: { method: string; path: string; n: number }) => "forward" | "503" | "drop") {
  const seen: { method: string; path: string; body: string }[] = [];
  const proxy = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString();
    const entry = { method: req.method!, path: req.url!, body };
    seen.push(entry);
    const what = plan({ ...entry, n: seen.filter((s) => s.method === entry.method && s.path === entry.path).length });
    if (what === "503") return void res.writeHead(503, { "retry-after": "1" }).end();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
    const upstream = await fetch(server.baseUrl + req.url, { method: req.method, headers, body: body || undefined });
    const text = await upstream.text();
    // The request was handled; its answer is lost on the way back.
    if (what === "drop") return void res.socket?.destroy();
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" }).end(text);
  });
  const listening = await listenAgentHttp(proxy);
  return { ...listening, seen };
}

describe("the agent endpoints' client (agent/http-port.ts)", () => {
  it("retries a 5xx and a lost answer; a turn sent twice is stored once", async () => {
    const id = await newInterview();
    const proxy = await flakyProxy(({ method, path, n }) => {
      if (method === "GET" && n === 1) return "503";
      if (method === "POST" && path.endsWith("/turns") && n === 1) return "drop";
      return "forward";
    });
    const retries: string[] = [];
    const delays: number[] = [];
    const port = httpInterviewPort({
      baseUrl: proxy.baseUrl,
      interviewId: id,
      credential: { kind: "secret", secret: TEST_AGENT_SECRET },
      sleep: async (ms) => void delays.push(ms),
      onRetry: (r) => retries.push(`${r.what} ${r.reason}`),
    });
    expect((await port.history()).status).toBe("INVITED");
    const turn = await port.recordTurn({ turnNumber: 1, role: "agent", content: INTRO });
    expect(turn).toMatchObject({ turnNumber: 1, content: INTRO });
    expect(retries).toEqual(["GET /history status 503", expect.stringMatching(/^POST \/turns /)]);
    expect(delays[0]).toBe(1000); // Retry-After
    expect(proxy.seen.filter((s) => s.method === "POST")).toHaveLength(2);
    expect((await historyOf(id)).turns).toHaveLength(1);
    await proxy.close();
  });

  it("gives up after its attempts", async () => {
    const id = await newInterview();
    const proxy = await flakyProxy(() => "503");
    const port = httpInterviewPort({ baseUrl: proxy.baseUrl, interviewId: id, credential: { kind: "secret", secret: TEST_AGENT_SECRET }, attempts: 3, sleep: async () => {} });
    await expect(port.history()).rejects.toThrow(/failed after 3 attempts: status 503/);
    expect(proxy.seen).toHaveLength(3);
    await proxy.close();
  });

  it("finalize sends humanRequested; an app that refuses the field still closes the interview", async () => {
    const id = await newInterview();
    const proxy = await flakyProxy(() => "forward");
    const port = httpInterviewPort({ baseUrl: proxy.baseUrl, interviewId: id, credential: { kind: "secret", secret: TEST_AGENT_SECRET }, sleep: async () => {} });
    await port.recordTurn({ turnNumber: 1, role: "agent", content: INTRO });
    await port.finalize("humanRequested");
    const finalizes = proxy.seen.filter((s) => s.path.endsWith("/finalize"));
    expect(JSON.parse(finalizes[0]!.body)).toEqual({ humanRequested: true });
    // Without the field (an app older than it), the second request closes it unflagged.
    if (finalizes.length > 1) expect(JSON.parse(finalizes[1]!.body)).toEqual({});
    expect((await historyOf(id)).status).toBe("COMPLETED");
    await port.finalize("completed");
    expect(JSON.parse(proxy.seen.at(-1)!.body)).toEqual({});
    await proxy.close();
  });

  it("authenticates with a LiveKit agent token it mints for the interview's room", async () => {
    const id = await newInterview();
    const livekit = (room: string) =>
      httpInterviewPort({ baseUrl: server.baseUrl, interviewId: id, credential: { kind: "livekit", apiKey: TEST_LIVEKIT.key, apiSecret: TEST_LIVEKIT.secret, room, identity: "agent-test" }, sleep: async () => {} });
    expect((await livekit(`interview-${id}`).history()).interviewId).toBe(id);
    await expect(livekit("interview-int_someoneElse").history()).rejects.toMatchObject({ status: 404 });
    // With no secret, the credential is a token for the room; with one, the secret.
    expect(agentCredential({ LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s" }, "interview-x")).toMatchObject({ kind: "livekit", room: "interview-x" });
    expect(agentCredential({ AGENT_SECRET: "x".repeat(16), LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s" }, "interview-x")).toMatchObject({ kind: "secret" });
    expect(() => agentCredential({}, "interview-x")).toThrow(/AGENT_SECRET/);
  });
});
