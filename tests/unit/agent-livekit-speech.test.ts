import { EventEmitter } from "node:events";
import { voice } from "@livekit/agents";
import { RoomEvent, type Room } from "@livekit/rtc-node";
import { describe, expect, it } from "vitest";
import type { CandidateEvent } from "@/agent/conversation";
import { ListeningAgent, liveKitSpeech } from "@/agent/livekit-speech";

// The room side of the voice agent, with the session and the room replaced by event emitters
// that emit what LiveKit's do (no LiveKit server runs here): which events become candidate
// events, and how the engine's words are said.

function setup(opts = { turnEndOnFinal: false }) {
  const session = new EventEmitter();
  const sayCalls: { text: string; options: unknown }[] = [];
  let played = 0;
  Object.assign(session, {
    say: (text: string, options: unknown) => {
      sayCalls.push({ text, options });
      return { waitForPlayout: async () => void played++ };
    },
  });
  const room = new EventEmitter();
  const agent = new ListeningAgent();
  const speech = liveKitSpeech(session as unknown as voice.AgentSession, room as unknown as Room, agent, "candidate-ada", opts);
  const events: CandidateEvent[] = [];
  speech.onCandidate((e) => events.push(e));
  return { session, room, agent, speech, events, sayCalls, played: () => played };
}

describe("the LiveKit speech adapter", () => {
  it("final transcripts become candidate words dated to when the candidate started speaking", () => {
    const { session, events } = setup();
    session.emit(voice.AgentSessionEventTypes.UserStateChanged, { type: "user_state_changed", oldState: "listening", newState: "speaking", createdAt: 1_000 });
    session.emit(voice.AgentSessionEventTypes.UserInputTranscribed, { transcript: "I studied", isFinal: false, createdAt: 1_500 });
    session.emit(voice.AgentSessionEventTypes.UserInputTranscribed, { transcript: "I studied computer science.", isFinal: true, createdAt: 4_000 });
    session.emit(voice.AgentSessionEventTypes.UserInputTranscribed, { transcript: "  ", isFinal: true, createdAt: 4_100 });
    expect(events).toEqual([{ type: "speaking" }, { type: "speaking" }, { type: "transcript", text: "I studied computer science.", spokenAt: 1_000 }]);
  });

  it("the end of the candidate's turn is reported and never answered by the session", async () => {
    const { agent, events } = setup();
    await expect(agent.onUserTurnCompleted()).rejects.toBeInstanceOf(voice.StopResponse);
    expect(events).toEqual([{ type: "turnEnd" }]);
  });

  it("with the realtime model, each final transcript is a whole turn", () => {
    const { session, events } = setup({ turnEndOnFinal: true });
    session.emit(voice.AgentSessionEventTypes.UserInputTranscribed, { transcript: "Five years.", isFinal: true, createdAt: 2_000 });
    expect(events.map((e) => e.type)).toEqual(["transcript", "turnEnd"]);
  });

  it("only the candidate leaving or coming back counts", () => {
    const { room, events } = setup();
    room.emit(RoomEvent.ParticipantDisconnected, { identity: "recruiter-observer" });
    room.emit(RoomEvent.ParticipantDisconnected, { identity: "candidate-ada" });
    room.emit(RoomEvent.ParticipantConnected, { identity: "candidate-ada" });
    expect(events).toEqual([{ type: "left" }, { type: "joined" }]);
  });

  it("says the engine's words whole (not interruptible) and resolves once they are played", async () => {
    const { speech, sayCalls, played } = setup();
    await speech.say("Tell me about a project you are proud of.");
    expect(sayCalls).toEqual([{ text: "Tell me about a project you are proud of.", options: { allowInterruptions: false } }]);
    expect(played()).toBe(1);
  });
});
