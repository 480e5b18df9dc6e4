import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/interviews/[id]/events/route";
import { PATCH as patchTurn } from "@/app/api/interviews/[id]/turns/[turnNumber]/route";
import { POST as postTurn } from "@/app/api/interviews/[id]/turns/route";
import type { Ctx } from "@/lib/context";
import { setSessionResolver } from "@/lib/http/console-route";
import { liveViewerCount } from "@/lib/live/hub";
import { createTestInterview } from "../helpers/agent-fixtures";
import { secretHeaders, useAgentEnv } from "../helpers/agent-env";
import { SseReader } from "../helpers/agent-sse";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";

const db = setupTestDatabase();
let ctx: Ctx;
let otherCtx: Ctx;

beforeAll(async () => {
  useAgentEnv({ AUTH_SECRET: "console-session-secret-for-tests-0123456789" });
  ({ ctx } = await createTestOrg(db.get().db));
  ({ ctx: otherCtx } = await createTestOrg(db.get().db));
  // The console session is next-auth's; here a header names the viewer's organisation.
  setSessionResolver(async (req) => {
    const org = req.headers.get("x-test-org");
    return org ? { userId: "usr_test", organizationId: org, role: "recruiter" } : null;
  });
});
afterAll(() => setSessionResolver(undefined));

const post = (id: string, body: unknown) => call(postTurn, { method: "POST", path: "/x", params: { id }, headers: secretHeaders, body });

async function connect(id: string, headers: Record<string, string> = { "x-test-org": ctx.organizationId }) {
  const abort = new AbortController();
  const req = new Request(`http://localhost/api/interviews/${id}/events`, { headers, signal: abort.signal });
  const res = await events(req, { params: Promise.resolve({ id }) });
  return { res, abort, sse: res.body ? new SseReader(res.body) : undefined };
}

describe("GET /api/interviews/:id/events", () => {
  it("streams the turns so far, then each turn and update as it commits", async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    await post(id, { turnNumber: 1, role: "agent", content: "Hello" });
    const { res, abort, sse } = await connect(id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const [first] = await sse!.turns(1);
    expect(first!.turn).toMatchObject({ turnNumber: 1, content: "Hello" });
    expect(first!.id).toBe(first!.turn.eventId);

    await post(id, { turnNumber: 2, role: "candidate", content: "Hi" });
    const [second] = await sse!.turns(1);
    expect(second!.turn).toMatchObject({ turnNumber: 2, content: "Hi" });
    expect(BigInt(second!.id)).toBeGreaterThan(BigInt(first!.id));

    await call(patchTurn, { method: "PATCH", path: "/x", params: { id, turnNumber: "1" }, headers: secretHeaders, body: { content: "Hello again" } });
    const [update] = await sse!.turns(1);
    expect(update!.turn).toMatchObject({ turnNumber: 1, content: "Hello again" });

    // A retry writes nothing and so announces nothing; the next real turn comes next.
    await post(id, { turnNumber: 2, role: "candidate", content: "Hi" });
    await post(id, { turnNumber: 3, role: "agent", content: "Next" });
    expect((await sse!.turns(1))[0]!.turn.turnNumber).toBe(3);

    expect(liveViewerCount()).toBe(1);
    abort.abort();
    await new Promise((r) => setTimeout(r, 20));
    expect(liveViewerCount()).toBe(0);
  });

  it("resumes after Last-Event-ID with exactly the turns changed since", async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    await post(id, { turnNumber: 1, role: "agent", content: "one" });
    await post(id, { turnNumber: 2, role: "candidate", content: "two" });
    const a = await connect(id);
    const seen = await a.sse!.turns(2);
    a.abort.abort();

    // While disconnected: a new turn and an update of an old one.
    await post(id, { turnNumber: 3, role: "agent", content: "three" });
    await call(patchTurn, { method: "PATCH", path: "/x", params: { id, turnNumber: "1" }, headers: secretHeaders, body: { content: "one, corrected" } });

    const b = await connect(id, { "x-test-org": ctx.organizationId, "last-event-id": seen[1]!.id });
    const resumed = await b.sse!.turns(2);
    expect(resumed.map((e) => [e.turn.turnNumber, e.turn.content])).toEqual([
      [3, "three"],
      [1, "one, corrected"],
    ]);
    await expect(b.sse!.next(300)).rejects.toThrow(/no SSE event/);
    b.abort.abort();
  });

  it("sends heartbeat comments", async () => {
    const { openTurnStream } = await import("@/lib/live/turn-stream");
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    const abort = new AbortController();
    const sse = new SseReader(await openTurnStream(db.get().db, ctx, { interviewId: id, lastEventId: 0n, signal: abort.signal, heartbeatMs: 50 }));
    await expect(sse.next(250)).rejects.toThrow();
    expect(sse.comments).toBeGreaterThanOrEqual(3);
    abort.abort();
  });

  it("404 for another organisation's interview, or a malformed id; 401 without a session", async () => {
    const { id } = await createTestInterview(db.get().db, otherCtx, { status: "IN_PROGRESS" });
    expect((await connect(id)).res.status).toBe(404);
    expect((await connect("int_nope")).res.status).toBe(404);
    const anonymous = await connect(id, {});
    expect(anonymous.res.status).toBe(401);
    expect(liveViewerCount()).toBe(0);
  });
  // The real next-auth check (no cookie, forged cookie → 401) runs in agent-processes.test.ts:
  // next-auth only loads in a real Node process, not in vitest's module runner.
});
