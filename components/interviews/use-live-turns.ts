"use client";

import { useEffect, useMemo, useState } from "react";

export type LiveTurn = {
  turnNumber: number;
  role: "agent" | "candidate";
  content: string;
  audioUrl: string | null;
  isPendingQuestion: boolean;
  evaluation: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
};

export type LiveState = "off" | "connecting" | "live" | "reconnecting";

/**
 * The transcript, kept current from the interview's event stream while `live`: each event is a
 * turn added or changed; the browser's EventSource reconnects by itself and sends Last-Event-ID,
 * so the server resumes exactly after the last turn this page has seen.
 */
export function useLiveTurns(interviewId: string, initial: LiveTurn[], live: boolean): { turns: LiveTurn[]; state: LiveState } {
  const [streamed, setStreamed] = useState<Map<number, LiveTurn>>(() => new Map());
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    if (!live) return;
    const source = new EventSource(`/api/interviews/${interviewId}/events`);
    source.onopen = () => setState("live");
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "off" : "reconnecting");
    source.addEventListener("turn", (event) => {
      const turn = JSON.parse((event as MessageEvent<string>).data) as LiveTurn;
      setStreamed((prev) => new Map(prev).set(turn.turnNumber, turn));
    });
    return () => {
      source.close();
      setState("connecting");
    };
  }, [interviewId, live]);

  const turns = useMemo(() => {
    const merged = new Map(initial.map((t) => [t.turnNumber, t]));
    // The newer of the two versions of a turn wins (a refetch may be older than the stream).
    for (const [n, t] of streamed) if (!merged.has(n) || merged.get(n)!.updatedAt <= t.updatedAt) merged.set(n, t);
    return [...merged.values()].sort((a, b) => a.turnNumber - b.turnNumber);
  }, [initial, streamed]);

  return { turns, state: live ? state : "off" };
}
