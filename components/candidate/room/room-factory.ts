import type { CandidateRoom } from "./candidate-room";
import type { FakeCandidateRoom } from "./fake-room";

/**
 * The switch end-to-end tests use to get the fake room (no LiveKit server runs on CI): an init
 * script sets `window.parleyFakeRoom = {}` before the page loads, and the factory puts the room
 * it makes there for the test to drive (`window.parleyFakeRoom.room.drive({ phase: "speaking" })`).
 * Harmless in production: only a script already running in the page could set it, and the
 * page's CSP admits none but its own; all it would get is a room that connects to nothing.
 */
export type FakeRoomHook = { room?: FakeCandidateRoom };

declare global {
  interface Window {
    parleyFakeRoom?: FakeRoomHook;
  }
}

export async function createCandidateRoom(): Promise<CandidateRoom> {
  const hook = typeof window === "undefined" ? undefined : window.parleyFakeRoom;
  if (hook && typeof hook === "object") {
    const { FakeCandidateRoom } = await import("./fake-room");
    hook.room = new FakeCandidateRoom();
    return hook.room;
  }
  // LiveKit's client is loaded only by candidates who join by voice.
  const { LiveKitCandidateRoom } = await import("./livekit-room");
  return new LiveKitCandidateRoom();
}
