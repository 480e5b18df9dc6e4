import { DisconnectReason } from "livekit-client";
import { describe, expect, it } from "vitest";
import { mergeTurns } from "@/components/candidate/chat/merge-turns";
import { browserFamily, supportGaps } from "@/components/candidate/device/browser-support";
import { levelOf } from "@/components/candidate/device/use-microphone";
import { failureOf, retryAfter } from "@/components/candidate/invite-api";
import { readRemembered } from "@/components/candidate/resume-memory";
import { FakeCandidateRoom } from "@/components/candidate/room/fake-room";
import { endReasonOf } from "@/components/candidate/room/livekit-room";

// The candidate page's decisions that do not need a browser: which screen an API answer leads
// to, how the chat merges answers, which help a blocked microphone gets, how a room ends.

const answer = (status: number, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers) });

describe("an API failure, as the page explains it", () => {
  it("410 names the closed screen; 404 the unknown link", () => {
    expect(failureOf(answer(410), { code: "interview_cancelled" })).toEqual({ kind: "closed", reason: "cancelled" });
    expect(failureOf(answer(410), { code: "interview_expired" })).toEqual({ kind: "closed", reason: "expired" });
    expect(failureOf(answer(410), { code: "interview_completed" })).toEqual({ kind: "closed", reason: "completed" });
    expect(failureOf(answer(404), { code: "not_found" })).toEqual({ kind: "unknown" });
  });

  it("429 waits as long as Retry-After says; 503 voice_unavailable means writing; a changed notice reloads", () => {
    expect(failureOf(answer(429, { "Retry-After": "12" }), { code: "rate_limited" })).toEqual({ kind: "rateLimited", retryAfterSeconds: 12 });
    expect(failureOf(answer(503), { code: "voice_unavailable" })).toEqual({ kind: "voiceUnavailable" });
    expect(failureOf(answer(503), { code: "service_unavailable" })).toEqual({ kind: "server", status: 503 });
    expect(failureOf(answer(409), { code: "reply_in_progress" })).toEqual({ kind: "replyInProgress" });
    expect(failureOf(answer(422), { code: "validation_failed", errors: [{ field: "noticeVersion" }] })).toEqual({ kind: "noticeChanged" });
    expect(failureOf(answer(500), null)).toEqual({ kind: "server", status: 500 });
  });

  it("Retry-After in seconds or as a date; a few seconds when absent or odd", () => {
    expect(retryAfter("3")).toBe(3);
    expect(retryAfter(null)).toBe(5);
    expect(retryAfter("soon")).toBe(5);
    expect(retryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThanOrEqual(29);
  });
});

describe("the written interview", () => {
  const turn = (turnNumber: number, role: "agent" | "candidate" = "agent") => ({ turnNumber, role, content: `t${turnNumber}`, createdAt: "2026-01-01T00:00:00Z" });

  it("merges an answer's turns once each, in order, so a replayed answer adds nothing", () => {
    const known = [turn(1), turn(2)];
    const merged = mergeTurns(known, [turn(3, "candidate"), turn(4)]);
    expect(merged.map((t) => t.turnNumber)).toEqual([1, 2, 3, 4]);
    expect(mergeTurns(merged, [turn(3, "candidate"), turn(4)])).toEqual(merged);
  });

  it("a tab remembers only a mode it knows", () => {
    expect(readRemembered(JSON.stringify({ mode: "voice", microphoneId: "abc" }))).toEqual({ mode: "voice", microphoneId: "abc" });
    expect(readRemembered(JSON.stringify({ mode: "video" }))).toBeNull();
    expect(readRemembered("{not json")).toBeNull();
    expect(readRemembered(null)).toBeNull();
  });
});

describe("the device check", () => {
  it("describes the settings of the candidate's own browser", () => {
    expect(browserFamily("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36")).toBe("chrome");
    expect(browserFamily("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0")).toBe("edge");
    expect(browserFamily("Mozilla/5.0 (Macintosh; rv:132.0) Gecko/20100101 Firefox/132.0")).toBe("firefox");
    expect(browserFamily("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15")).toBe("safari");
    expect(browserFamily("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/130.0 Mobile/15E148 Safari/604.1")).toBe("ios");
  });

  it("names what the browser lacks, and the cause first: an insecure page hides the microphone", () => {
    const insecure = { isSecureContext: false, navigator: {} } as unknown as Window;
    expect(supportGaps(insecure)).toEqual(["insecureContext", "webrtc", "webAudio"]);
    const modern = { isSecureContext: true, RTCPeerConnection: class {}, AudioContext: class {}, navigator: { mediaDevices: { getUserMedia() {} } } } as unknown as Window;
    expect(supportGaps(modern)).toEqual([]);
  });

  it("reads silence near 0 and a loud signal near 100", () => {
    expect(levelOf(new Float32Array(512))).toBe(0);
    expect(levelOf(new Float32Array(512).fill(0.5))).toBeGreaterThanOrEqual(90);
    expect(levelOf(new Float32Array(512).fill(0.01))).toBeGreaterThan(10);
  });
});

describe("the voice room", () => {
  it("the room closed by the interviewer is the end; the candidate's own leave and a drop can rejoin", () => {
    expect(endReasonOf(DisconnectReason.ROOM_DELETED)).toBe("finished");
    expect(endReasonOf(DisconnectReason.PARTICIPANT_REMOVED)).toBe("finished");
    expect(endReasonOf(DisconnectReason.CLIENT_INITIATED)).toBe("left");
    expect(endReasonOf(DisconnectReason.SIGNAL_CLOSE)).toBe("lost");
    expect(endReasonOf(undefined)).toBe("lost");
  });

  it("an ended room stays ended whatever late event arrives", () => {
    const room = new FakeCandidateRoom();
    room.drive({ phase: "speaking", caption: "Hello" });
    expect(room.getSnapshot()).toMatchObject({ phase: "speaking", agentPresent: true, captions: [{ text: "Hello" }] });
    room.drive({ phase: "ended", endReason: "finished" });
    room.drive({ phase: "reconnecting" });
    expect(room.getSnapshot()).toMatchObject({ phase: "ended", endReason: "finished" });
  });
});
