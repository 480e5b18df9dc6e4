"use client";

import { Keyboard, Loader2, Mic } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import type { ConsentNotice } from "./types";

type Props = {
  notice: ConsentNotice;
  voiceAvailable: boolean;
  /** The server refused voice a moment ago (503): writing is the way, said calmly. */
  voiceRefused: boolean;
  consent: boolean;
  onConsentChange: (consent: boolean) => void;
  consentMissing: boolean;
  pending: "voice" | "text" | null;
  onVoice: () => void;
  onText: () => void;
  problem?: ReactNode;
};

/** The notice, word for word as its version says, the consent checkbox, and the choice of voice or writing. */
export function ConsentStep({ notice, voiceAvailable, voiceRefused, consent, onConsentChange, consentMissing, pending, onVoice, onText, problem }: Props) {
  const t = useTranslations("candidate.consent");
  const ids = useId();
  const voice = voiceAvailable && !voiceRefused;
  return (
    <>
      <Card className="p-5 sm:p-6" aria-labelledby={`${ids}-notice`} data-testid="consent-notice" data-notice-version={notice.version}>
        <h2 id={`${ids}-notice`} className="text-lg font-semibold">
          {t("noticeTitle")}
        </h2>
        <div className="mt-4 grid gap-4">
          {notice.sections.map((section) => (
            <section key={section.title}>
              <h3 className="font-medium">{section.title}</h3>
              <p className="mt-1 whitespace-pre-line text-sm leading-relaxed text-muted-foreground">{section.body}</p>
            </section>
          ))}
        </div>
      </Card>
      <Card className="p-5 sm:p-6" aria-labelledby={`${ids}-consent`}>
        <h2 id={`${ids}-consent`} className="text-lg font-semibold">
          {t("title")}
        </h2>
        <div className="mt-4 flex items-start gap-3">
          <Checkbox
            id={`${ids}-check`}
            checked={consent}
            onCheckedChange={(checked) => onConsentChange(checked === true)}
            aria-invalid={consentMissing || undefined}
            aria-describedby={consentMissing ? `${ids}-missing` : undefined}
            className="mt-0.5 size-5"
          />
          <Label htmlFor={`${ids}-check`} className="text-base font-normal leading-snug">
            {t("checkbox")}
          </Label>
        </div>
        {consentMissing ? (
          <p id={`${ids}-missing`} role="alert" className="mt-2 text-sm font-medium text-destructive">
            {t("missing")}
          </p>
        ) : null}
        <h3 className="mt-6 font-medium">{t("howTitle")}</h3>
        {voice ? null : (
          <p className="mt-1 text-sm text-muted-foreground" data-testid="voice-off">
            {voiceRefused ? t("voiceRefused") : t("voiceOff")}
          </p>
        )}
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {voice ? (
            <Button size="lg" className="h-auto min-h-12 whitespace-normal py-3" onClick={onVoice} disabled={pending !== null} aria-busy={pending === "voice" || undefined}>
              {pending === "voice" ? <Loader2 className="animate-spin" aria-hidden /> : <Mic aria-hidden />}
              {t("voice")}
            </Button>
          ) : null}
          <Button
            size="lg"
            variant={voice ? "outline" : "default"}
            className="h-auto min-h-12 whitespace-normal py-3"
            onClick={onText}
            disabled={pending !== null}
            aria-busy={pending === "text" || undefined}
          >
            {pending === "text" ? <Loader2 className="animate-spin" aria-hidden /> : <Keyboard aria-hidden />}
            {t("text")}
          </Button>
        </div>
        <p className="mt-3 text-sm text-muted-foreground">{voice ? t("choiceHint") : t("textHint")}</p>
        {problem}
      </Card>
    </>
  );
}
