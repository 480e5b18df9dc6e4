import type { ComponentType } from "react";
import type { VoiceJoin } from "../invite-api";

// The voice room as the candidate's screen sees it: a small interface of our own, so the screen
// can be driven by a fake in tests (no LiveKit server runs here) and LiveKit stays in one file.

/** Who has the floor: the interviewer's states, plus the connection's own. */
export type RoomPhase = "connecting" | "listening" | "thinking" | "speaking" | "reconnecting" | "ended";

/**
 * How the room ended: `finished` the interviewer closed it, `left` the candidate left,
 * `lost` the connection dropped for good (a rejoin may still work), `failed` it never connected.
 */
export type EndReason = "finished" | "left" | "lost" | "failed";

/** One line of the interviewer's words as they are spoken; `final` once the line is complete. */
export type Caption = { id: string; text: string; final: boolean };

export type RoomSnapshot = {
  phase: RoomPhase;
  /** The interviewer has joined the room (before that, "connecting" means waiting for it). */
  agentPresent: boolean;
  muted: boolean;
  captions: Caption[];
  endReason?: EndReason;
};

export type ConnectOptions = { microphoneId?: string };

export interface CandidateRoom {
  connect(join: VoiceJoin, options?: ConnectOptions): Promise<void>;
  getSnapshot(): RoomSnapshot;
  subscribe(onChange: () => void): () => void;
  setMuted(muted: boolean): Promise<void>;
  leave(): Promise<void>;
  /** What the room needs inside the page's tree while connected (audio output, start-audio button); may render nothing. */
  Host: ComponentType<{ startAudioLabel: string }>;
}

export const INITIAL_SNAPSHOT: RoomSnapshot = { phase: "connecting", agentPresent: false, muted: false, captions: [] };

/** A snapshot store with change notification: both implementations keep their state in one. */
export class SnapshotStore {
  private snapshot: RoomSnapshot = INITIAL_SNAPSHOT;
  private readonly listeners = new Set<() => void>();

  get = (): RoomSnapshot => this.snapshot;

  subscribe = (onChange: () => void): (() => void) => {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  };

  update(patch: Partial<RoomSnapshot>): void {
    // An ended room stays ended: late events of a closing connection must not revive it.
    if (this.snapshot.phase === "ended" && patch.phase && patch.phase !== "ended") return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** At most the last few lines: captions follow the voice, they are not the transcript. */
export const MAX_CAPTIONS = 4;
