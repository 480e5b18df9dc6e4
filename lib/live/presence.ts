import os from "node:os";
import { gt, lt, sql } from "drizzle-orm";
import { liveListeners } from "@/db/live-listeners";
import { getDatabase } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";
import { errorFields, log } from "@/lib/log";

// Whether anyone, in any app process, is watching a live transcript. Turn writes NOTIFY only
// then; streams also re-read on a short timer, so a write that skipped its NOTIFY in the second
// before a writer learnt of a new viewer still reaches that viewer within that timer.

const PROCESS_ID = `${os.hostname()}:${process.pid}:${randomBase62(6)}`;
const TTL_MS = 15_000;
const REFRESH_MS = 5_000;
/** How stale a writer's answer to "is anyone watching" may be. */
export const WATCHING_CACHE_MS = 500;

type State = {
  heartbeat?: ReturnType<typeof setInterval>;
  announced?: Promise<void>;
  watching: { value: boolean; at: number; refreshing?: Promise<void> };
  localViewers: () => number;
};

const holder = globalThis as typeof globalThis & { __parleyPresence?: State };
// Unknown at start: assume someone is watching until the first answer arrives.
const state: State = (holder.__parleyPresence ??= { watching: { value: true, at: 0 }, localViewers: () => 0 });

async function upsert(db: Db): Promise<void> {
  const expiresAt = new Date(Date.now() + TTL_MS);
  await db
    .insert(liveListeners)
    .values({ processId: PROCESS_ID, expiresAt })
    .onConflictDoUpdate({ target: liveListeners.processId, set: { expiresAt } });
}

/** This process has its first viewer: say so (committed before the viewer's first read). */
export function announceViewing(): Promise<void> {
  if (!state.announced) {
    const announcing = getDatabase().then(async ({ db }) => {
      await upsert(db);
      state.heartbeat = setInterval(() => {
        upsert(db).catch((err) => log.warn("live presence refresh failed", errorFields(err)));
      }, REFRESH_MS);
      state.heartbeat.unref?.();
    });
    announcing.catch(() => {
      if (state.announced === announcing) state.announced = undefined;
    });
    state.announced = announcing;
  }
  return state.announced;
}

/** This process's last viewer left. */
export async function withdrawViewing(): Promise<void> {
  clearInterval(state.heartbeat);
  state.heartbeat = undefined;
  state.announced = undefined;
  const { db } = await getDatabase();
  await db.delete(liveListeners).where(sql`${liveListeners.processId} = ${PROCESS_ID}`);
}

export function setLocalViewerCount(count: () => number): void {
  state.localViewers = count;
}

/**
 * For a turn write: should it NOTIFY? Never waits on the database: answers from a cache at most
 * WATCHING_CACHE_MS old and refreshes it in the background.
 */
export function anyoneWatching(db: Db): boolean {
  if (state.localViewers() > 0) return true;
  const w = state.watching;
  if (Date.now() - w.at > WATCHING_CACHE_MS && !w.refreshing) {
    w.refreshing = refreshWatching(db).finally(() => (w.refreshing = undefined));
  }
  return w.value;
}

async function refreshWatching(db: Db): Promise<void> {
  try {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(liveListeners).where(gt(liveListeners.expiresAt, sql`now()`));
    state.watching.value = (row?.n ?? 0) > 0;
    state.watching.at = Date.now();
  } catch (err) {
    // Unknown again: notify until the database answers.
    state.watching.value = true;
    log.warn("live presence check failed", errorFields(err));
  }
}

/**
 * Rows of processes that died without withdrawing. Expired rows are already ignored by
 * anyoneWatching; this only keeps the table small (a periodic task, not the write path).
 */
export async function sweepStaleListeners(db: Db): Promise<void> {
  await db.delete(liveListeners).where(lt(liveListeners.expiresAt, sql`now() - interval '1 minute'`));
}

/** Tests: forget cached answers. */
export function resetPresence(): void {
  clearInterval(state.heartbeat);
  state.heartbeat = undefined;
  state.announced = undefined;
  state.watching = { value: true, at: 0 };
}
