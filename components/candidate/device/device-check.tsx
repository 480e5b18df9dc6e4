"use client";

import { Check, Keyboard, Loader2, Mic, RotateCw, Volume2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { StepHeading } from "../step-heading";
import { supportGaps } from "./browser-support";
import { LevelMeter } from "./level-meter";
import { MicrophoneHelp } from "./microphone-help";
import { playTestSound } from "./test-sound";
import { useMicrophone } from "./use-microphone";

type Props = { onJoin: (microphoneId: string | undefined) => void; onWriteInstead: () => void; joining: boolean; problem?: ReactNode };

const noSubscription = () => () => {};

/** Before the voice room: the browser can do it, the microphone is allowed and heard, the speakers work. */
export function DeviceCheck(props: Props) {
  const t = useTranslations("candidate.device");
  // Known only in the browser; null while the server renders.
  const gaps = useSyncExternalStore(noSubscription, () => supportGaps(window).join(" "), () => null);
  return (
    <Card className="p-5 sm:p-6" data-testid="device-check">
      <StepHeading>{t("title")}</StepHeading>
      <p className="mt-2 text-muted-foreground">{t("intro")}</p>
      {gaps === null ? null : gaps ? <Unsupported gaps={gaps.split(" ")} onWriteInstead={props.onWriteInstead} /> : <MicrophoneCheck {...props} />}
    </Card>
  );
}

function Unsupported({ gaps, onWriteInstead }: { gaps: string[]; onWriteInstead: () => void }) {
  const t = useTranslations("candidate.device");
  return (
    <div className="mt-5 grid gap-4" data-testid="browser-unsupported">
      <div role="alert" className="rounded-md border border-warning/50 bg-warning/5 p-4">
        <p className="font-medium">{t("unsupported.title")}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {gaps.map((gap) => (
            <li key={gap}>{t(`unsupported.${gap as "webrtc"}`)}</li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-muted-foreground">{t("unsupported.advice")}</p>
      </div>
      <Button variant="outline" onClick={onWriteInstead} className="sm:self-start">
        <Keyboard aria-hidden />
        {t("writeInstead")}
      </Button>
    </div>
  );
}

function MicrophoneCheck({ onJoin, onWriteInstead, joining, problem }: Props) {
  const t = useTranslations("candidate.device");
  const ids = useId();
  const mic = useMicrophone();
  const { state } = mic;
  const join = () => {
    const deviceId = state.status === "ready" ? state.deviceId : undefined;
    // The room opens the microphone itself: let go of the check's copy first.
    mic.release();
    onJoin(deviceId);
  };
  return (
    <div className="mt-5 grid gap-6">
      <ul className="grid gap-1 text-sm" aria-label={t("supportLabel")}>
        <li className="flex items-center gap-2">
          <Check className="size-4 text-success" aria-hidden />
          {t("supported")}
        </li>
      </ul>

      <section aria-labelledby={`${ids}-mic`} className="grid gap-3">
        <h2 id={`${ids}-mic`} className="flex items-center gap-2 font-medium">
          <Mic className="size-4" aria-hidden />
          {t("microphoneTitle")}
        </h2>
        {state.status === "starting" ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
            <Loader2 className="size-4 animate-spin" aria-hidden />
            {t("asking")}
          </p>
        ) : null}
        {state.status === "failed" ? (
          <>
            <MicrophoneHelp problem={state.problem} />
            <div className="flex flex-col gap-3 sm:flex-row">
              <Button onClick={mic.retry}>
                <RotateCw aria-hidden />
                {t("retry")}
              </Button>
              <Button variant="outline" onClick={onWriteInstead}>
                <Keyboard aria-hidden />
                {t("writeInstead")}
              </Button>
            </div>
          </>
        ) : null}
        {state.status === "ready" ? (
          <>
            <LevelMeter level={mic.level} label={t("levelLabel")} valueText={t(mic.level < 5 ? "levelSilent" : mic.level < 30 ? "levelLow" : "levelGood")} />
            <p className="text-sm text-muted-foreground">{t("levelHint")}</p>
            {mic.devices.length > 1 ? (
              <div className="grid gap-1.5">
                <Label htmlFor={`${ids}-device`}>{t("chooseMicrophone")}</Label>
                <NativeSelect id={`${ids}-device`} value={state.deviceId ?? ""} onChange={(e) => mic.choose(e.target.value)}>
                  {mic.devices.map((d, i) => (
                    <option key={d.deviceId} value={d.deviceId}>
                      {d.label || t("microphoneN", { n: i + 1 })}
                    </option>
                  ))}
                </NativeSelect>
              </div>
            ) : null}
          </>
        ) : null}
      </section>

      <section aria-labelledby={`${ids}-speaker`} className="grid gap-3">
        <h2 id={`${ids}-speaker`} className="flex items-center gap-2 font-medium">
          <Volume2 className="size-4" aria-hidden />
          {t("speakerTitle")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("speakerHint")}</p>
        <Button variant="outline" className="sm:self-start" onClick={() => void playTestSound()}>
          <Volume2 aria-hidden />
          {t("playSound")}
        </Button>
      </section>

      <div className="grid gap-3 border-t pt-5">
        <Button size="lg" className="h-auto min-h-12 whitespace-normal py-3" onClick={join} disabled={state.status !== "ready" || joining} aria-busy={joining || undefined}>
          {joining ? <Loader2 className="animate-spin" aria-hidden /> : <Mic aria-hidden />}
          {t("join")}
        </Button>
        {state.status === "ready" ? (
          <Button variant="ghost" onClick={onWriteInstead}>
            <Keyboard aria-hidden />
            {t("writeInstead")}
          </Button>
        ) : null}
        {problem}
      </div>
    </div>
  );
}
