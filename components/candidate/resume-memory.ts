// What this tab remembers of the interview so a reload resumes it: the mode chosen and the
// microphone. sessionStorage: one tab, gone when it closes (a new tab starts from consent,
// and a join then rejoins). Keyed by the start of the token, never the whole credential.

export type Remembered = { mode: "voice" | "text"; microphoneId?: string };

const key = (token: string) => `parley-interview:${token.slice(0, 10)}`;

export function readRemembered(raw: string | null): Remembered | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Remembered>;
    if (value.mode !== "voice" && value.mode !== "text") return null;
    return { mode: value.mode, ...(typeof value.microphoneId === "string" ? { microphoneId: value.microphoneId } : {}) };
  } catch {
    return null;
  }
}

/** The raw stored string (a stable value for useSyncExternalStore); null where storage is refused. */
export function rememberedRaw(token: string): string | null {
  try {
    return sessionStorage.getItem(key(token));
  } catch {
    return null;
  }
}

export function remember(token: string, value: Remembered | null): void {
  try {
    if (value) sessionStorage.setItem(key(token), JSON.stringify(value));
    else sessionStorage.removeItem(key(token));
  } catch {
    // Private modes may refuse storage: the page still works, a reload just starts from consent.
  }
}
