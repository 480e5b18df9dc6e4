"use client";

import { Loader2, Mic, RotateCcw } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { WrittenInterview } from "./chat/written-interview";
import { ClosedCard } from "./closed-card";
import { ConsentStep } from "./consent-step";
import { DeviceCheck } from "./device/device-check";
import { EndScreen } from "./end-screen";
import { type Failure, joinInterview, type MessageAnswer, readConversation, type VoiceJoin } from "./invite-api";
import { isRetryable, ProblemNotice, type RetryableFailure } from "./problem-notice";
import { readRemembered, remember, rememberedRaw } from "./resume-memory";
import { VoiceRoomScreen } from "./room/voice-room-screen";
import type { ConsentNotice, InterviewContext } from "./types";

type Step =
  | { name: "choose" }
  | { name: "deviceCheck" }
  | { name: "room"; join: VoiceJoin; microphoneId?: string }
  | { name: "rejoin"; microphoneId?: string }
  | { name: "resuming" }
  | { name: "chat"; start: MessageAnswer }
  | { name: "closed"; reason: "unknown" | "cancelled" | "expired" | "completed" };

type Props = {
  token: string;
  notice: ConsentNotice;
  voiceAvailable: boolean;
  context: InterviewContext;
  /** The welcome (who invites, for what), shown above the notice. */
  welcome: ReactNode;
};

const noSubscription = () => () => {};

/**
 * The candidate's path after opening the link: consent and the choice of voice or writing,
 * then the device check and the voice room, or the written interview; a reload in the same
 * tab goes back to where the candidate was. Every failure ends on a screen that says what to do.
 */
export function CandidateJourney({ token, notice, voiceAvailable, context, welcome }: Props) {
  const t = useTranslations("candidate");
  // What this tab remembers (nothing while the server renders): a reload resumes from it.
  const stored = readRemembered(useSyncExternalStore(noSubscription, () => rememberedRaw(token), () => null));
  const [chosen, setStep] = useState<Step | null>(null);
  const step: Step = chosen ?? (stored?.mode === "text" ? { name: "resuming" } : stored?.mode === "voice" ? { name: "rejoin", microphoneId: stored.microphoneId } : { name: "choose" });

  const [consent, setConsent] = useState(false);
  const [consentMissing, setConsentMissing] = useState(false);
  const [voiceRefused, setVoiceRefused] = useState(false);
  const [pending, setPending] = useState<"voice" | "text" | null>(null);
  const [problem, setProblem] = useState<{ failure: RetryableFailure; retry: () => void } | null>(null);

  const fail = useCallback(
    (failure: Failure, retry: () => void) => {
      if (failure.kind === "closed" || failure.kind === "unknown") {
        remember(token, null);
        setStep({ name: "closed", reason: failure.kind === "closed" ? failure.reason : "unknown" });
      } else if (failure.kind === "noticeChanged") {
        // The notice changed since this page was rendered: show the current one, to consent to it.
        window.location.reload();
      } else if (failure.kind === "voiceUnavailable") {
        setVoiceRefused(true);
        setStep({ name: "choose" });
      } else if (isRetryable(failure)) {
        setProblem({ failure, retry });
      }
    },
    [token],
  );

  const consented = () => {
    if (consent) return true;
    setConsentMissing(true);
    return false;
  };

  const joinText = async () => {
    if (!consented()) return;
    setPending("text");
    setProblem(null);
    const result = await joinInterview(token, "text", notice.version);
    setPending(null);
    if (!result.ok) return fail(result.failure, () => void joinText());
    remember(token, { mode: "text" });
    setStep({ name: "chat", start: result.value });
  };

  const joinVoice = async (microphoneId: string | undefined) => {
    setPending("voice");
    setProblem(null);
    const result = await joinInterview(token, "voice", notice.version);
    setPending(null);
    if (!result.ok) return fail(result.failure, () => void joinVoice(microphoneId));
    remember(token, { mode: "voice", microphoneId });
    setStep({ name: "room", join: result.value, microphoneId });
  };

  const chooseVoice = () => {
    if (!consented()) return;
    setProblem(null);
    setStep({ name: "deviceCheck" });
  };

  const writeInstead = () => {
    setProblem(null);
    void joinText();
  };

  const finished = useCallback(() => remember(token, null), [token]);
  const closedFromChat = useCallback((reason: "cancelled" | "expired" | "unknown") => fail(reason === "unknown" ? { kind: "unknown" } : { kind: "closed", reason }, () => {}), [fail]);

  // After a reload of the written interview: the conversation so far, from the server.
  const resuming = step.name === "resuming";
  const [resumeAttempt, setResumeAttempt] = useState(0);
  useEffect(() => {
    if (!resuming) return;
    let cancelled = false;
    void readConversation(token).then((result) => {
      if (cancelled) return;
      if (result.ok) setStep({ name: "chat", start: result.value });
      else
        fail(result.failure, () => {
          setProblem(null);
          setResumeAttempt((n) => n + 1);
        });
    });
    return () => {
      cancelled = true;
    };
  }, [resuming, resumeAttempt, token, fail]);

  const problemNotice = problem ? <ProblemNotice failure={problem.failure} onRetry={problem.retry} busy={pending !== null} /> : null;

  switch (step.name) {
    case "choose":
      return (
        <>
          {welcome}
          <ConsentStep
            notice={notice}
            voiceAvailable={voiceAvailable}
            voiceRefused={voiceRefused}
            consent={consent}
            onConsentChange={(value) => {
              setConsent(value);
              if (value) setConsentMissing(false);
            }}
            consentMissing={consentMissing}
            pending={pending}
            onVoice={chooseVoice}
            onText={() => void joinText()}
            problem={problemNotice}
          />
        </>
      );
    case "deviceCheck":
      return (
        <>
          <Reminder context={context} />
          <DeviceCheck onJoin={(id) => void joinVoice(id)} onWriteInstead={writeInstead} joining={pending !== null} problem={problemNotice} />
        </>
      );
    case "room":
      return (
        <>
          <Reminder context={context} />
          <VoiceRoomScreen
            key={step.join.token}
            token={token}
            join={step.join}
            microphoneId={step.microphoneId}
            onRejoin={() => void joinVoice(step.microphoneId)}
            onWriteInstead={writeInstead}
            onFinished={finished}
          />
          {problemNotice}
        </>
      );
    case "rejoin":
      return (
        <>
          <Reminder context={context} />
          <EndScreen
            testId="rejoin"
            title={t("rejoin.title")}
            body={t("rejoin.body")}
            actions={
              <>
                <Button size="lg" onClick={() => void joinVoice(step.microphoneId)} disabled={pending !== null} aria-busy={pending !== null || undefined}>
                  {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Mic aria-hidden />}
                  {t("rejoin.action")}
                </Button>
                <Button
                  size="lg"
                  variant="outline"
                  onClick={() => {
                    remember(token, null);
                    setStep({ name: "choose" });
                  }}
                >
                  <RotateCcw aria-hidden />
                  {t("rejoin.restart")}
                </Button>
              </>
            }
          />
          {problemNotice}
        </>
      );
    case "resuming":
      return (
        <>
          <Reminder context={context} />
          <p role="status" className="flex items-center gap-2 text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden />
            {t("resuming")}
          </p>
          {problemNotice}
        </>
      );
    case "chat":
      return (
        <>
          <Reminder context={context} />
          <WrittenInterview token={token} start={step.start} onDone={finished} onClosed={closedFromChat} />
        </>
      );
    case "closed":
      return <ClosedCard reason={step.reason} />;
  }
}

/** One line saying whose interview this is, above the room and the chat. */
function Reminder({ context }: { context: InterviewContext }) {
  const t = useTranslations("candidate");
  return <p className="text-sm text-muted-foreground">{t("reminder", { organization: context.organizationName, job: context.jobTitle })}</p>;
}
