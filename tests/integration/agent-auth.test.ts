import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as history } from "@/app/api/interviews/[id]/history/route";
import { POST as postTurn } from "@/app/api/interviews/[id]/turns/route";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { createTestInterview, liveKitToken, TEST_AGENT_SECRET } from "../helpers/agent-fixtures";
import { secretHeaders, useAgentEnv } from "../helpers/agent-env";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";

const db = setupTestDatabase();
let interview: Awaited<ReturnType<typeof createTestInterview>>;
let other: Awaited<ReturnType<typeof createTestInterview>>;
let apiKey: string;

beforeAll(async () => {
  useAgentEnv();
  const { ctx } = await createTestOrg(db.get().db);
  interview = await createTestInterview(db.get().db, ctx);
  other = await createTestInterview(db.get().db, (await createTestOrg(db.get().db)).ctx);
  apiKey = (await createTestKey(db.get().db, ctx)).authorization;
});
beforeEach(() => useAgentEnv());

const getHistory = (headers: Record<string, string>, id = interview.id) =>
  call(history, { path: `/api/interviews/${id}/history`, params: { id }, headers });

describe("agent credential: shared secret", () => {
  it("accepts X-Agent-Secret and acts in the interview's organisation", async () => {
    const res = await getHistory(secretHeaders);
    expect(res.status).toBe(200);
    expect(res.json.interviewId).toBe(interview.id);
    // The secret is not tied to an organisation: any organisation's interview is reachable.
    expect((await getHistory(secretHeaders, other.id)).status).toBe(200);
  });

  it("401 for a wrong secret, a missing credential, or a secret one character off", async () => {
    for (const headers of [{} as Record<string, string>, { "x-agent-secret": "nope" }, { "x-agent-secret": TEST_AGENT_SECRET.slice(0, -1) + "X" }, { "x-agent-secret": "" }]) {
      const res = await getHistory(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.code).toBe("unauthenticated");
    }
  });

  it("fails closed: AGENT_SECRET unset refuses every secret, the empty one included", async () => {
    useAgentEnv({ AGENT_SECRET: undefined });
    expect((await getHistory(secretHeaders)).status).toBe(401);
    expect((await getHistory({ "x-agent-secret": "" })).status).toBe(401);
    expect((await getHistory({ "x-agent-secret": "undefined" })).status).toBe(401);
  });

  it("refuses a v1 API key with 401", async () => {
    const res = await getHistory({ authorization: apiKey });
    expect(res.status).toBe(401);
  });

  it("404 for a malformed, unknown id, before any body is read", async () => {
    expect((await getHistory(secretHeaders, "int_nope")).status).toBe(404);
    expect((await getHistory(secretHeaders, "int_0123456789abcdefghijkl")).status).toBe(404);
    const res = await call(postTurn, { method: "POST", path: "/x", params: { id: "cand_0123456789abcdefghijkl" }, headers: secretHeaders, body: { bad: 1 } });
    expect(res.status).toBe(404);
  });
});

describe("agent credential: LiveKit token", () => {
  it("accepts an agent token for this interview's room", async () => {
    const res = await getHistory({ authorization: `Bearer ${await liveKitToken(interview.roomName)}` });
    expect(res.status).toBe(200);
  });

  it("403 for a candidate's valid token for the same room", async () => {
    const res = await getHistory({ authorization: `Bearer ${await liveKitToken(interview.roomName, { agent: false })}` });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe("forbidden");
  });

  it("404 for an agent token for another interview's room, like any other tenant's object", async () => {
    // The token is valid, for a room that exists: its holder still learns nothing about this interview.
    const foreign = { authorization: `Bearer ${await liveKitToken(other.roomName)}` };
    const res = await getHistory(foreign);
    expect(res.status).toBe(404);
    expect(res.json.code).toBe("not_found");
    // The same answer as for an interview that does not exist at all.
    const unknown = await getHistory(foreign, "int_0123456789abcdefghijkl");
    expect(unknown.status).toBe(404);
    expect(res.json.detail).toBe(unknown.json.detail);
    const write = await call(postTurn, { method: "POST", path: "/x", params: { id: interview.id }, headers: foreign, body: { turnNumber: 1, role: "agent", content: "Hello" } });
    expect(write.status).toBe(404);
  });

  it("401 for an expired token, a badly signed one, or garbage", async () => {
    const expired = await liveKitToken(interview.roomName, { ttl: -60 });
    expect((await getHistory({ authorization: `Bearer ${expired}` })).status).toBe(401);
    const forged = await liveKitToken(interview.roomName, { secret: "someone-elses-secret-0123456789abc" });
    expect((await getHistory({ authorization: `Bearer ${forged}` })).status).toBe(401);
    expect((await getHistory({ authorization: "Bearer a.b.c" })).status).toBe(401);
  });

  it("401 when LiveKit is not configured (nothing to verify against)", async () => {
    useAgentEnv({ LIVEKIT_API_SECRET: undefined });
    expect((await getHistory({ authorization: `Bearer ${await liveKitToken(interview.roomName)}` })).status).toBe(401);
  });

  it("records who wrote through the token's identity", async () => {
    const res = await call(postTurn, {
      method: "POST",
      path: "/x",
      params: { id: interview.id },
      headers: { authorization: `Bearer ${await liveKitToken(interview.roomName)}` },
      body: { turnNumber: 1, role: "agent", content: "Hello" },
    });
    expect(res.status).toBe(201);
  });
});

describe("agent credentials on /api/v1", () => {
  const ping = v1Route({ scope: "interviews:read" }, async () => json({ ok: true }));
  it("refuses the agent secret and a LiveKit agent token (401): v1 takes API keys only", async () => {
    expect((await call(ping, { path: "/api/v1/ping", headers: secretHeaders })).status).toBe(401);
    const token = await liveKitToken(interview.roomName);
    expect((await call(ping, { path: "/api/v1/ping", headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await call(ping, { path: "/api/v1/ping", headers: { authorization: apiKey } })).status).toBe(200);
  });
});
