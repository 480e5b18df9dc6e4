"use client";

// The real voice room: livekit-client for the connection, @livekit/components-react (which
// ships no 'use client' of its own, hence this file's) for the interviewer's state, its
// captions and the audio output. Loaded only once the candidate joins by voice (room-factory.ts).
import { RoomAudioRenderer, RoomContext, StartAudio, useTranscriptions, useVoiceAssistant } from "@livekit/components-react";
import { DisconnectReason, Room, RoomEvent } from "livekit-client";
import { useEffect } from "react";
import { buttonVariants } from "@/components/ui/button";
import type { VoiceJoin } from "../invite-api";
import { type CandidateRoom, type Caption, type ConnectOptions, type EndReason, MAX_CAPTIONS, type RoomPhase, SnapshotStore } from "./candidate-room";

type Connection = "connecting" | "connected" | "reconnecting" | "ended";
type AgentView = { present: boolean; phase: Extract<RoomPhase, "connecting" | "listening" | "thinking" | "speaking">; captions: Caption[] };

// The interviewer closed the room or removed the candidate: the interview is over, not broken.
const FINISHED = new Set<DisconnectReason>([DisconnectReason.ROOM_DELETED, DisconnectReason.ROOM_CLOSED, DisconnectReason.PARTICIPANT_REMOVED]);

export function endReasonOf(reason: DisconnectReason | undefined): EndReason {
  if (reason === DisconnectReason.CLIENT_INITIATED) return "left";
  if (reason !== undefined && FINISHED.has(reason)) return "finished";
  return "lost";
}

export class LiveKitCandidateRoom implements CandidateRoom {
  readonly room = new Room({ adaptiveStream: false, dynacast: false, disconnectOnPageLeave: true });
  private readonly store = new SnapshotStore();
  private connection: Connection = "connecting";
  private agent: AgentView = { present: false, phase: "connecting", captions: [] };

  getSnapshot = this.store.get;
  subscribe = this.store.subscribe;

  constructor() {
    this.room
      .on(RoomEvent.Reconnecting, () => this.setConnection("reconnecting"))
      .on(RoomEvent.SignalReconnecting, () => this.setConnection("reconnecting"))
      .on(RoomEvent.Reconnected, () => this.setConnection("connected"))
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => this.end(endReasonOf(reason)));
  }

  async connect(join: VoiceJoin, options?: ConnectOptions): Promise<void> {
    try {
      await this.room.connect(join.serverUrl, join.token);
    } catch {
      this.end("failed");
      return;
    }
    this.setConnection("connected");
    try {
      await this.room.localParticipant.setMicrophoneEnabled(true, { deviceId: options?.microphoneId });
    } catch {
      // The device check passed a moment ago; if the microphone is gone now, say so by showing it muted.
      this.store.update({ muted: true });
    }
  }

  async setMuted(muted: boolean): Promise<void> {
    await this.room.localParticipant.setMicrophoneEnabled(!muted);
    this.store.update({ muted });
  }

  async leave(): Promise<void> {
    await this.room.disconnect();
    this.end("left");
  }

  /** Called by the bridge below with what useVoiceAssistant sees of the interviewer. */
  setAgent(agent: AgentView): void {
    this.agent = agent;
    this.publish();
  }

  Host = ({ startAudioLabel }: { startAudioLabel: string }) => (
    <RoomContext.Provider value={this.room}>
      <RoomAudioRenderer />
      <StartAudio label={startAudioLabel} className={buttonVariants({ size: "lg" })} />
      <AgentBridge owner={this} />
    </RoomContext.Provider>
  );

  private setConnection(connection: Connection): void {
    if (this.connection === "ended") return;
    this.connection = connection;
    this.publish();
  }

  private end(endReason: EndReason): void {
    if (this.connection === "ended") return;
    this.connection = "ended";
    this.store.update({ phase: "ended", endReason });
  }

  private publish(): void {
    const phase: RoomPhase = this.connection === "connected" ? this.agent.phase : this.connection;
    this.store.update({ phase, agentPresent: this.agent.present, captions: this.agent.captions });
  }
}

/** Renders nothing: feeds the interviewer's state and words from the LiveKit hooks into the room. */
function AgentBridge({ owner }: { owner: LiveKitCandidateRoom }) {
  const { agent, state, agentTranscriptions } = useVoiceAssistant();
  // Agents 1.x publish their words as text streams; older ones as track transcriptions.
  const streams = useTranscriptions({ participantIdentities: agent ? [agent.identity] : [] });
  useEffect(() => {
    const fromStreams: Caption[] = agent
      ? streams.map((s) => ({ id: s.streamInfo.id, text: s.text, final: s.streamInfo.attributes?.["lk.transcription_final"] === "true" }))
      : [];
    const fromTrack: Caption[] = agentTranscriptions.map((s) => ({ id: s.id, text: s.text, final: s.final }));
    const captions = (fromStreams.length ? fromStreams : fromTrack).filter((c) => c.text.trim()).slice(-MAX_CAPTIONS);
    const phase = state === "listening" || state === "thinking" || state === "speaking" ? state : "connecting";
    owner.setAgent({ present: Boolean(agent), phase, captions });
  }, [owner, agent, state, agentTranscriptions, streams]);
  return null;
}
