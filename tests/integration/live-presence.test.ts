import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { interviewTurns } from "@/db/interview-turns";
import { liveListeners } from "@/db/live-listeners";
import type { Ctx } from "@/lib/context";
import { newId } from "@/lib/ids";
import { TURNS_CHANNEL } from "@/lib/live/notify";
import { anyoneWatching, resetPresence, sweepStaleListeners, WATCHING_CACHE_MS } from "@/lib/live/presence";
import { openTurnStream } from "@/lib/live/turn-stream";
import { recordTurn } from "@/lib/turns/record";
import { createTestInterview } from "../helpers/agent-fixtures";
import { SseReader } from "../helpers/agent-sse";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";

// NOTIFY serialises committing transactions, so turn writes announce themselves only while some
// process has a live viewer; streams re-read on a timer so nothing is missed meanwhile.
const db = setupTestDatabase();
let ctx: Ctx;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  ({ ctx } = await createTestOrg(db.get().db));
});
beforeEach(async () => {
  await db.get().db.delete(liveListeners);
  resetPresence();
});

/** Learns the current answer, as a writer does, past its cache. */
async function settle() {
  anyoneWatching(db.get().db);
  await sleep(WATCHING_CACHE_MS + 150);
  anyoneWatching(db.get().db);
  await sleep(150);
}

async function notificationsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = await db.get().listen(TURNS_CHANNEL, (payload) => seen.push(payload));
  try {
    await action();
    await sleep(300);
  } finally {
    await stop();
  }
  return seen;
}

describe("live presence", () => {
  it("a turn write does not NOTIFY while no process has a viewer", async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    await settle();
    expect(anyoneWatching(db.get().db)).toBe(false);
    const seen = await notificationsDuring(() => recordTurn(db.get().db, ctx, id, { turnNumber: 1, role: "agent", content: "Q", isPendingQuestion: false, audioUrl: null, evaluation: null }));
    expect(seen).toEqual([]);
  });

  it("NOTIFYs once another process announces a viewer", async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    await db.get().db.insert(liveListeners).values({ processId: "other-host:1:abc", expiresAt: new Date(Date.now() + 15_000) });
    await settle();
    expect(anyoneWatching(db.get().db)).toBe(true);
    const seen = await notificationsDuring(() => recordTurn(db.get().db, ctx, id, { turnNumber: 1, role: "agent", content: "Q", isPendingQuestion: false, audioUrl: null, evaluation: null }));
    expect(seen.map((p) => JSON.parse(p))).toEqual([expect.objectContaining({ i: id, n: 1 })]);
  });

  it("ignores a listener whose process stopped refreshing it", async () => {
    await db.get().db.insert(liveListeners).values({ processId: "dead-host:1:abc", expiresAt: new Date(Date.now() - 1000) });
    await settle();
    expect(anyoneWatching(db.get().db)).toBe(false);
  });

  it("the periodic sweep removes listeners stale for over a minute and keeps the others", async () => {
    await db.get().db.insert(liveListeners).values([
      { processId: "dead-host:1:abc", expiresAt: new Date(Date.now() - 120_000) },
      { processId: "recent-host:1:abc", expiresAt: new Date(Date.now() - 10_000) },
      { processId: "live-host:1:abc", expiresAt: new Date(Date.now() + 15_000) },
    ]);
    await sweepStaleListeners(db.get().db);
    const left = await db.get().db.select().from(liveListeners);
    expect(left.map((r) => r.processId).sort()).toEqual(["live-host:1:abc", "recent-host:1:abc"]);
  });

  it("a viewer gets a turn whose NOTIFY was skipped through its catch-up read", { timeout: 60_000 }, async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    const turn = (turnNumber: number, content: string) =>
      db.get().db.insert(interviewTurns).values({ id: newId("turn"), organizationId: ctx.organizationId, interviewId: id, turnNumber, role: "candidate", content });
    // A turn from before the viewer came: the stream's first read sends it, so once it has
    // arrived that read is over, and no later turn can reach the viewer through it.
    await turn(1, "Before");
    const abort = new AbortController();
    // The heartbeat (which also re-reads) never fires during the test: only the catch-up timer can help.
    const stream = await openTurnStream(db.get().db, ctx, { interviewId: id, lastEventId: 0n, signal: abort.signal, heartbeatMs: 3_600_000, catchUpMs: 300 });
    const sse = new SseReader(stream);
    try {
      expect((await sse.turns(1, 20_000))[0]!.turn).toMatchObject({ turnNumber: 1, content: "Before" });
      // Written as a writer that had not yet learnt of this viewer would: no NOTIFY at all.
      await turn(2, "Unannounced");
      // Without the catch-up timer nothing would come: the wait is a guard against a hang only.
      const [event] = await sse.turns(1, 20_000);
      expect(event!.turn).toMatchObject({ turnNumber: 2, content: "Unannounced" });
    } finally {
      abort.abort();
    }
  });
});
