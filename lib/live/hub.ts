import { getDatabase } from "@/lib/db/client";
import { errorFields, log } from "@/lib/log";
import { parseTurnChange, TURNS_CHANNEL, type TurnChange } from "./notify";
import { announceViewing, setLocalViewerCount, withdrawViewing } from "./presence";

type Listener = (change: TurnChange) => void;

type Hub = {
  listeners: Map<string, Set<Listener>>;
  /** The process's single LISTEN, started by the first viewer and kept for the process's life. */
  listening?: Promise<void>;
};

// On globalThis: Next may load this module in more than one bundle, and there must be one
// LISTEN connection per process however many viewers it serves.
const holder = globalThis as typeof globalThis & { __parleyLiveHub?: Hub };
const hub: Hub = (holder.__parleyLiveHub ??= { listeners: new Map<string, Set<Listener>>() });

function dispatch(payload: string): void {
  const change = parseTurnChange(payload);
  if (!change) return;
  for (const listener of hub.listeners.get(change.interviewId) ?? []) {
    try {
      listener(change);
    } catch (err) {
      log.error("live listener failed", { interviewId: change.interviewId, ...errorFields(err) });
    }
  }
}

function ensureListening(): Promise<void> {
  if (!hub.listening) {
    const starting = getDatabase()
      .then((database) => database.listen(TURNS_CHANNEL, dispatch))
      .then(() => undefined);
    // A failed start is retried by the next viewer rather than cached.
    starting.catch(() => {
      if (hub.listening === starting) hub.listening = undefined;
    });
    hub.listening = starting;
  }
  return hub.listening;
}

/** Calls `listener` for every committed change to the interview's turns; returns the unsubscribe. */
export async function subscribeToTurns(interviewId: string, listener: Listener): Promise<() => void> {
  // Writers in every process NOTIFY only while someone watches: announce before listening.
  await announceViewing();
  await ensureListening();
  let set = hub.listeners.get(interviewId);
  if (!set) hub.listeners.set(interviewId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && hub.listeners.get(interviewId) === set) hub.listeners.delete(interviewId);
    if (hub.listeners.size === 0) withdrawViewing().catch((err) => log.warn("live presence withdrawal failed", errorFields(err)));
  };
}

setLocalViewerCount(() => hub.listeners.size);

/** Viewers connected to this process, for tests and diagnostics. */
export function liveViewerCount(): number {
  let n = 0;
  for (const set of hub.listeners.values()) n += set.size;
  return n;
}
