import { getDatabase } from "../db/client";
import { errorFields, log } from "../log";
import { SESSIONS_CHANNEL } from "./announce";
import { resolveConsoleSession } from "./store";

/** Also re-check on this timer: a notification sent while the LISTEN connection reconnected is lost. */
export const SESSION_RECHECK_MS = 60_000;

type Watcher = { token: string; end: () => void };
type Registry = { byUser: Map<string, Set<Watcher>>; listening?: Promise<void> };

// On globalThis: Next may load this module in more than one bundle; one LISTEN per process.
const holder = globalThis as typeof globalThis & { __parleySessionWatch?: Registry };
const registry: Registry = (holder.__parleySessionWatch ??= { byUser: new Map() });

async function recheck(watcher: Watcher): Promise<void> {
  try {
    const { db } = await getDatabase();
    if (!(await resolveConsoleSession(db, watcher.token))) watcher.end();
  } catch (err) {
    // A database hiccup is no proof of sign-out; the next notification or timer tries again.
    log.warn("console session re-check failed", errorFields(err));
  }
}

function ensureListening(): Promise<void> {
  if (!registry.listening) {
    const starting = getDatabase()
      .then((database) => database.listen(SESSIONS_CHANNEL, (userId) => registry.byUser.get(userId)?.forEach((w) => void recheck(w))))
      .then(() => undefined);
    starting.catch(() => {
      if (registry.listening === starting) registry.listening = undefined;
    });
    registry.listening = starting;
  }
  return registry.listening;
}

/**
 * A signal that aborts with `signal`, or as soon as the session ends: signed out, revoked, the
 * member removed (announced by NOTIFY from any process), or expired. Long-lived responses (the
 * live transcript stream) run until it aborts, so an open stream does not outlive its session.
 */
export async function untilSessionEnds(session: { token: string; userId: string; expiresAt: Date }, signal: AbortSignal): Promise<AbortSignal> {
  await ensureListening();
  const controller = new AbortController();
  const watcher: Watcher = { token: session.token, end: () => controller.abort() };
  let set = registry.byUser.get(session.userId);
  if (!set) registry.byUser.set(session.userId, (set = new Set()));
  set.add(watcher);
  const expiry = setTimeout(watcher.end, Math.min(Math.max(0, session.expiresAt.getTime() - Date.now()), 2 ** 31 - 1));
  const timer = setInterval(() => void recheck(watcher), SESSION_RECHECK_MS);
  const stop = () => {
    clearTimeout(expiry);
    clearInterval(timer);
    set.delete(watcher);
    if (set.size === 0 && registry.byUser.get(session.userId) === set) registry.byUser.delete(session.userId);
  };
  controller.signal.addEventListener("abort", stop, { once: true });
  if (signal.aborted) controller.abort();
  else signal.addEventListener("abort", () => controller.abort(), { once: true });
  // Ended between the request's check and the subscription: the notification is already gone.
  await recheck(watcher);
  return controller.signal;
}

