import type { CandidateEvent, Speech } from "@/agent/conversation";
import type { VoicePort } from "@/agent/http-port";

// The voice loop without a room: a speech interface the test plays the candidate through, and a
// port wrapper that proves the loop never has two calls in flight for one interview.

export class FakeSpeech implements Speech {
  said: string[] = [];
  private listeners = new Set<(e: CandidateEvent) => void>();

  async say(text: string): Promise<void> {
    this.said.push(text);
  }

  onCandidate(listener: (e: CandidateEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CandidateEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  /** The candidate says `text` (started at `spokenAt`) and stops talking. */
  answer(text: string, spokenAt: number): void {
    this.emit({ type: "speaking" });
    this.emit({ type: "transcript", text, spokenAt });
    this.emit({ type: "turnEnd" });
  }

  /** Resolves with everything said once `n` sentences have been said in all. */
  until(n: number): Promise<string[]> {
    return waitFor(() => this.said.length >= n, `${n} sentences said (so far: ${JSON.stringify(this.said)})`).then(() => this.said);
  }
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The port, with the most calls ever in flight at once counted in `maxInFlight`. */
export function serialChecked(port: VoicePort): VoicePort & { maxInFlight: () => number; calls: string[] } {
  let inFlight = 0;
  let max = 0;
  const calls: string[] = [];
  const wrap =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      inFlight++;
      max = Math.max(max, inFlight);
      calls.push(name);
      try {
        return await fn(...args);
      } finally {
        inFlight--;
      }
    };
  return {
    history: wrap("history", port.history),
    recordTurn: wrap("recordTurn", port.recordTurn),
    read: wrap("read", port.read),
    updateTurn: wrap("updateTurn", port.updateTurn),
    createTurn: wrap("createTurn", port.createTurn),
    finalize: wrap("finalize", port.finalize),
    maxInFlight: () => max,
    calls,
  };
}
