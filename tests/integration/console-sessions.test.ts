import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/interviews/[id]/events/route";
import { consoleSessions } from "@/db/console-sessions";
import { periodicTasks } from "@/lib/background-jobs";
import { memberships } from "@/db/memberships";
import { consoleSessionFromHeaders } from "@/lib/console-sessions/cookie";
import type { Ctx } from "@/lib/context";
import { consoleRoute } from "@/lib/http/console-route";
import { changeMemberRole } from "@/lib/members/change-role";
import { removeMember } from "@/lib/members/remove";
import { revokeMemberSessions } from "@/lib/members/sessions";
import { createTestInterview } from "../helpers/agent-fixtures";
import { useAgentEnv } from "../helpers/agent-env";
import { SseReader } from "../helpers/agent-sse";
import { consoleAuthSession, consoleSignIn, consoleSignOut, createConsoleUser, TEST_AUTH_SECRET } from "../helpers/console-auth";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";

// Console sessions end when they should: an old cookie stops working for pages (the check every
// console page makes) and for the live stream, new and already open, right after sign-out or
// the member's removal; a role change is seen on the next request.
const db = setupTestDatabase();
let ctx: Ctx;

beforeAll(async () => {
  useAgentEnv({ AUTH_SECRET: TEST_AUTH_SECRET });
  ({ ctx } = await createTestOrg(db.get().db));
});

// As a browser sends them (Next adds the forwarding headers).
const browser = (cookie: string) => ({ cookie, host: "localhost", "x-forwarded-proto": "http" });
const pageCheck = (cookie: string) => consoleSessionFromHeaders(new Headers(browser(cookie)));
const whoami = consoleRoute({ auth: "session" }, async ({ ctx }) => Response.json(ctx.actor));
const asRoute = (cookie: string) => whoami(new Request("http://localhost/api/console/whoami", { headers: browser(cookie) }), { params: Promise.resolve({}) });

async function openStream(id: string, cookie: string) {
  const abort = new AbortController();
  const res = await events(new Request(`http://localhost/api/interviews/${id}/events`, { headers: browser(cookie), signal: abort.signal }), { params: Promise.resolve({ id }) });
  return { res, abort, sse: res.body ? new SseReader(res.body) : undefined };
}

/** Reads until the server closes the stream; the timeout only catches a stream left open. */
async function streamEnds(sse: SseReader): Promise<boolean> {
  try {
    for (;;) await sse.next(15_000);
  } catch (err) {
    return (err as Error).message === "SSE stream ended";
  }
}

/** A signed-in member with an open live stream, all through the real handlers. */
async function signedInWithStream(role: "recruiter" | "admin" = "recruiter") {
  const user = await createConsoleUser(db.get().db, ctx, role);
  const signIn = await consoleSignIn(user.email, user.password);
  expect(signIn.status).toBe(302);
  expect(signIn.location).toBe("http://localhost/console");
  const cookie = signIn.cookie!;
  const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
  const stream = await openStream(id, cookie);
  expect(stream.res.status).toBe(200);
  return { user, cookie, interviewId: id, stream };
}

describe("console sessions", () => {
  it("a fresh sign-in works for a page, a console route and the live stream", async () => {
    const { user, cookie, stream } = await signedInWithStream();
    expect(await pageCheck(cookie)).toMatchObject({ userId: user.id, organizationId: ctx.organizationId, role: "recruiter", email: user.email });
    expect((await (await asRoute(cookie)).json()) as unknown).toMatchObject({ type: "user", id: user.id, role: "recruiter" });
    // Auth.js's own session endpoint names the user, read from the row (the cookie holds no e-mail).
    expect(await consoleAuthSession(cookie)).toMatchObject({ user: { id: user.id, email: user.email } });
    stream.abort.abort();
  });

  it("signing out ends the session at once: page check, new and open streams", async () => {
    const { cookie, interviewId, stream } = await signedInWithStream();
    const out = await consoleSignOut(cookie);
    expect(out.status).toBe(302);
    expect(await pageCheck(cookie)).toBeNull();
    expect((await asRoute(cookie)).status).toBe(401);
    expect((await openStream(interviewId, cookie)).res.status).toBe(401);
    expect(await consoleAuthSession(cookie)).toBeNull();
    expect(await streamEnds(stream.sse!)).toBe(true);
  });

  it("removing a member ends their sessions at once: page check, new and open streams", async () => {
    const { user, cookie, interviewId, stream } = await signedInWithStream();
    const removed = await removeMember(db.get().db, ctx, { userId: user.id });
    expect(await pageCheck(cookie)).toBeNull();
    expect((await asRoute(cookie)).status).toBe(401);
    expect((await openStream(interviewId, cookie)).res.status).toBe(401);
    expect(await streamEnds(stream.sse!)).toBe(true);
    expect(removed.sessionsEnded).toBe(1);
  });

  it("a membership deleted by any other path also ends access (the membership is joined on every request)", async () => {
    const { user, cookie } = await signedInWithStream();
    await db.get().db.delete(memberships).where(eq(memberships.userId, user.id));
    expect(await pageCheck(cookie)).toBeNull();
    expect((await asRoute(cookie)).status).toBe(401);
  });

  it("a role change is seen on the next request, without signing in again", async () => {
    const user = await createConsoleUser(db.get().db, ctx, "recruiter");
    const { cookie } = await consoleSignIn(user.email, user.password);
    expect((await pageCheck(cookie!))?.role).toBe("recruiter");
    await changeMemberRole(db.get().db, ctx, { userId: user.id, role: "viewer" });
    expect((await pageCheck(cookie!))?.role).toBe("viewer");
    expect((await (await asRoute(cookie!)).json()) as unknown).toMatchObject({ role: "viewer" });
  });

  it("revoking a member's sessions signs out every browser of theirs; another member stays signed in", async () => {
    const user = await createConsoleUser(db.get().db, ctx);
    const [a, b] = [await consoleSignIn(user.email, user.password), await consoleSignIn(user.email, user.password)];
    const other = await createConsoleUser(db.get().db, ctx);
    const keep = await consoleSignIn(other.email, other.password);
    const revoked = await revokeMemberSessions(db.get().db, ctx, { userId: user.id });
    expect(await pageCheck(a.cookie!)).toBeNull();
    expect(await pageCheck(b.cookie!)).toBeNull();
    expect(await pageCheck(keep.cookie!)).toMatchObject({ userId: other.id });
    expect(revoked.sessionsEnded).toBe(2);
  });

  it("an expired session is refused although its cookie is still sealed correctly", async () => {
    const user = await createConsoleUser(db.get().db, ctx);
    const { cookie } = await consoleSignIn(user.email, user.password);
    await db.get().db.update(consoleSessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(consoleSessions.userId, user.id));
    expect(await pageCheck(cookie!)).toBeNull();
    expect((await asRoute(cookie!)).status).toBe(401);
  });

  it("the cookie holds no role or organisation, only the session's token; the table only its hash", async () => {
    const user = await createConsoleUser(db.get().db, ctx);
    const { cookie } = await consoleSignIn(user.email, user.password);
    const session = await pageCheck(cookie!);
    const [row] = await db.get().db.select().from(consoleSessions).where(eq(consoleSessions.userId, user.id));
    expect(row!.id).toBe(session!.sessionId);
    expect(row!.id).not.toBe(session!.token);
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect(row!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(12 * 3600_000);
  });

  it("the periodic sweep deletes expired session rows and keeps live ones", async () => {
    const user = await createConsoleUser(db.get().db, ctx);
    const [old, live] = [await consoleSignIn(user.email, user.password), await consoleSignIn(user.email, user.password)];
    const oldId = (await pageCheck(old.cookie!))!.sessionId;
    await db.get().db.update(consoleSessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(consoleSessions.id, oldId));
    await periodicTasks.find((t) => t.name === "console-sessions.sweep")!.run(db.get().db);
    const rows = await db.get().db.select({ id: consoleSessions.id }).from(consoleSessions).where(eq(consoleSessions.userId, user.id));
    expect(rows).toEqual([{ id: (await pageCheck(live.cookie!))!.sessionId }]);
  });
});
