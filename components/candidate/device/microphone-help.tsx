"use client";

import { MicOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { browserFamily, type BrowserFamily } from "./browser-support";
import type { MicrophoneProblem } from "./use-microphone";

const noSubscription = () => () => {};

/** Why the microphone did not start and how to fix it in this browser, step by step. */
export function MicrophoneHelp({ problem }: { problem: MicrophoneProblem }) {
  const t = useTranslations("candidate.device.help");
  const family = useSyncExternalStore<BrowserFamily>(noSubscription, () => browserFamily(navigator.userAgent), () => "other");
  return (
    <div role="alert" className="rounded-md border border-warning/50 bg-warning/5 p-4" data-testid={`microphone-${problem}`}>
      <div className="flex items-start gap-3">
        <MicOff className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden />
        <div className="grid gap-2">
          <p className="font-medium">{t(`${problem}.title`)}</p>
          <p className="text-sm">{problem === "denied" ? t(`denied.${family}`) : t(`${problem}.body`)}</p>
          {problem === "denied" ? <p className="text-sm text-muted-foreground">{t("deniedSystem")}</p> : null}
        </div>
      </div>
    </div>
  );
}
