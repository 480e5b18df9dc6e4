import { voice } from "@livekit/agents";
import { RoomEvent, type RemoteParticipant, type Room } from "@livekit/rtc-node";
import type { CandidateEvent, Speech } from "./conversation";

// The Speech interface over a LiveKit AgentSession and its room (docs/interviewer.md, "The
// voice agent"). The session hears and speaks; it never answers on its own: the agent below
// refuses every automatic reply, and the engine's words are spoken with session.say().

/** A voice.Agent that only reports the end of the candidate's turns and never replies itself. */
export class ListeningAgent extends voice.Agent {
  private turnEnd: () => void = () => {};

  constructor() {
    // No LLM runs in the session; these instructions are never sent to a model.
    super({ instructions: "You are Parley's interviewer. The interview engine decides every word you say." });
  }

  onTurnEnd(listener: () => void): void {
    this.turnEnd = listener;
  }

  override async onUserTurnCompleted(): Promise<void> {
    this.turnEnd();
    throw new voice.StopResponse();
  }
}

/**
 * Candidate events from the session and the room. `candidate` is the identity that joined first:
 * only that identity leaving or coming back counts (a rejoin after a reload has the same one).
 * `turnEndOnFinal`: with the realtime model, each final transcript is one whole turn (the
 * server's turn detection ends it), so it also ends the turn.
 */
export function liveKitSpeech(session: voice.AgentSession, room: Room, agent: ListeningAgent, candidate: string, opts: { turnEndOnFinal: boolean }): Speech {
  const listeners = new Set<(e: CandidateEvent) => void>();
  const emit = (e: CandidateEvent) => listeners.forEach((l) => l(e));
  // Final transcripts arrive after the speech they transcribe; they are dated to when the
  // candidate started speaking, so turns keep the order in which things were said.
  let speechStartedAt = Date.now();

  session.on(voice.AgentSessionEventTypes.UserStateChanged, (ev) => {
    if (ev.newState === "speaking") {
      speechStartedAt = ev.createdAt;
      emit({ type: "speaking" });
    }
  });
  session.on(voice.AgentSessionEventTypes.UserInputTranscribed, (ev) => {
    if (!ev.isFinal) {
      if (ev.transcript.trim()) emit({ type: "speaking" });
      return;
    }
    if (!ev.transcript.trim()) return;
    emit({ type: "transcript", text: ev.transcript, spokenAt: Math.min(speechStartedAt, ev.createdAt) });
    if (opts.turnEndOnFinal) emit({ type: "turnEnd" });
  });
  agent.onTurnEnd(() => emit({ type: "turnEnd" }));
  room.on(RoomEvent.ParticipantDisconnected, (p: RemoteParticipant) => {
    if (p.identity === candidate) emit({ type: "left" });
  });
  room.on(RoomEvent.ParticipantConnected, (p: RemoteParticipant) => {
    if (p.identity === candidate) emit({ type: "joined" });
  });

  return {
    // Not interruptible: configured questions are heard whole, word for word.
    say: (text) => session.say(text, { allowInterruptions: false }).waitForPlayout(),
    onCandidate: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
