"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { LiveState } from "./use-live-turns";

export function LiveIndicator({ state }: { state: LiveState }) {
  const t = useTranslations("interview");
  if (state === "off") return null;
  const live = state === "live";
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium" data-testid="live-indicator" data-state={state} role="status">
      <span className={cn("size-2 rounded-full", live ? "animate-pulse bg-destructive" : "bg-muted-foreground")} aria-hidden />
      {live ? t("live") : state === "connecting" ? t("connecting") : t("reconnecting")}
    </span>
  );
}
