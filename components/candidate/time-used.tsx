"use client";

import { Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { TimeUsed as Time } from "./invite-api";

/**
 * Seconds used so far: the server's figure, then counted locally second by second while the
 * interview runs, until the server gives a newer figure.
 */
export function useElapsed(time: Time | null, running: boolean): number | null {
  const [anchor, setAnchor] = useState(time);
  const [ticks, setTicks] = useState(0);
  if (anchor !== time) {
    setAnchor(time);
    setTicks(0);
  }
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTicks((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [running]);
  return time ? time.elapsedSeconds + ticks : null;
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;

/** "4:12 of 20 minutes": never a ticking live region, so screen readers are not interrupted every second. */
export function TimeUsedLabel({ time, running }: { time: Time | null; running: boolean }) {
  const t = useTranslations("candidate");
  const elapsed = useElapsed(time, running);
  if (!time || elapsed === null) return null;
  const over = time.limitSeconds > 0 && elapsed >= time.limitSeconds;
  return (
    <p className="flex items-center gap-1.5 text-sm tabular-nums text-muted-foreground" data-testid="time-used">
      <Clock className="size-4" aria-hidden />
      <span className="sr-only">{t("timeLabel")} </span>
      {t("timeUsed", { used: clock(Math.min(elapsed, Math.max(time.limitSeconds, elapsed))), limit: Math.round(time.limitSeconds / 60) })}
      {over ? <span className="sr-only">{t("timeOver")}</span> : null}
    </p>
  );
}
