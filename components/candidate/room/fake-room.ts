import type { VoiceJoin } from "../invite-api";
import { type CandidateRoom, type Caption, type EndReason, MAX_CAPTIONS, type RoomPhase, SnapshotStore } from "./candidate-room";

/** What a test may do to the fake room: move it to a phase, make the interviewer say a line, end it. */
export type FakeRoomDrive = { phase?: RoomPhase; agentPresent?: boolean; caption?: string; endReason?: EndReason };

/**
 * The room without LiveKit, for end-to-end tests: connect() only records the join answer, and
 * everything after is driven from the test through `drive()` (see room-factory.ts).
 */
export class FakeCandidateRoom implements CandidateRoom {
  private readonly store = new SnapshotStore();
  joined: VoiceJoin | null = null;
  microphoneId: string | undefined;
  left = false;

  getSnapshot = this.store.get;
  subscribe = this.store.subscribe;
  Host = () => null;

  async connect(join: VoiceJoin, options?: { microphoneId?: string }): Promise<void> {
    this.joined = join;
    this.microphoneId = options?.microphoneId;
  }

  async setMuted(muted: boolean): Promise<void> {
    this.store.update({ muted });
  }

  async leave(): Promise<void> {
    this.left = true;
    this.store.update({ phase: "ended", endReason: "left" });
  }

  drive({ phase, agentPresent, caption, endReason }: FakeRoomDrive): void {
    const snapshot = this.store.get();
    const captions: Caption[] = caption ? [...snapshot.captions, { id: String(snapshot.captions.length), text: caption, final: true }].slice(-MAX_CAPTIONS) : snapshot.captions;
    const present = agentPresent ?? (phase === "listening" || phase === "thinking" || phase === "speaking" ? true : snapshot.agentPresent);
    this.store.update({ captions, agentPresent: present, ...(phase ? { phase } : {}), ...(phase === "ended" ? { endReason: endReason ?? "finished" } : {}) });
  }
}
