"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** Time used against the configured duration; ticks while the interview runs. */
export function Elapsed({ startedAt, endedAt, maxMinutes }: { startedAt: string; endedAt: string | null; maxMinutes: number }) {
  const t = useTranslations("interview");
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endedAt]);
  const end = endedAt ? Date.parse(endedAt) : now;
  const used = end - Date.parse(startedAt);
  const budget = maxMinutes * 60_000;
  const share = Math.min(1, used / budget);
  return (
    <div className="grid gap-1" data-testid="elapsed">
      <div className="flex justify-between text-xs text-muted-foreground">
        <span>{t("elapsed")}</span>
        {/* The server's clock and the browser's differ by the render time: expected. */}
        <span className="tabular-nums" suppressHydrationWarning>
          {clock(used)} / {clock(budget)}
        </span>
      </div>
      <div
        className="h-1.5 overflow-hidden rounded-full bg-muted"
        role="progressbar"
        aria-label={t("elapsed")}
        aria-valuemin={0}
        aria-valuemax={maxMinutes * 60}
        aria-valuenow={Math.round(used / 1000)}
        suppressHydrationWarning
      >
        <div className={cn("h-full rounded-full bg-primary", share >= 0.8 && "bg-warning", share >= 1 && "bg-destructive")} style={{ width: `${share * 100}%` }} suppressHydrationWarning />
      </div>
    </div>
  );
}
