"use client";

import { AlertCircle, Loader2, PartyPopper, RotateCw, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/input";
import { EndScreen } from "../end-screen";
import { type CandidateTurn, type ClosedReason, type MessageAnswer, sendMessage } from "../invite-api";
import { isRetryable, type RetryableFailure } from "../problem-notice";
import { StepHeading } from "../step-heading";
import { TimeUsedLabel } from "../time-used";
import { mergeTurns } from "./merge-turns";
import { newMessageId } from "./message-id";

export const MAX_MESSAGE_LENGTH = 4000;

/** The candidate's message on its way: sending, or failed and waiting to be sent again under the same id. */
type Outgoing = { id: string; content: string; failure: RetryableFailure | null };

type Props = { token: string; start: MessageAnswer; onDone: () => void; onClosed: (reason: Exclude<ClosedReason, "completed"> | "unknown") => void };

/** The interview in writing: the conversation, the answer box, progress and time, and the end. */
export function WrittenInterview({ token, start, onDone, onClosed }: Props) {
  const t = useTranslations("candidate.chat");
  const ids = useId();
  const [turns, setTurns] = useState<CandidateTurn[]>(start.turns);
  const [state, setState] = useState({ done: start.done, progress: start.progress, time: start.time });
  const [outgoing, setOutgoing] = useState<Outgoing | null>(null);
  const [sending, setSending] = useState(false);
  const [draft, setDraft] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [turns.length, outgoing, state.done]);

  useEffect(() => {
    if (state.done) onDone();
  }, [state.done, onDone]);

  async function deliver(message: Outgoing) {
    setOutgoing({ ...message, failure: null });
    setSending(true);
    const result = await sendMessage(token, message.id, message.content);
    setSending(false);
    if (result.ok) {
      const known = new Set(turns.map((turn) => turn.turnNumber));
      const fresh = result.value.turns.filter((turn) => turn.role === "agent" && !known.has(turn.turnNumber));
      setTurns((prev) => mergeTurns(prev, result.value.turns));
      setState({ done: result.value.done, progress: result.value.progress, time: result.value.time });
      setOutgoing(null);
      if (fresh.length) setAnnouncement(t("announce", { text: fresh.map((turn) => turn.content).join(" ") }));
      return;
    }
    const failure = result.failure;
    if (failure.kind === "closed") {
      if (failure.reason === "completed") return setState((s) => ({ ...s, done: true }));
      return onClosed(failure.reason);
    }
    if (failure.kind === "unknown") return onClosed("unknown");
    setOutgoing({ ...message, failure: isRetryable(failure) ? failure : { kind: "server", status: 0 } });
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const content = draft.trim();
    if (!content || outgoing || state.done) return;
    setDraft("");
    void deliver({ id: newMessageId(), content, failure: null });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter is a new line; an input method composing a word keeps its Enter.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  const { progress, time, done } = state;
  const waiting = outgoing !== null;
  return (
    <div className="grid gap-4" data-testid="written-interview">
      <div className="flex flex-wrap items-end justify-between gap-x-4 gap-y-1">
        <StepHeading>{t("title")}</StepHeading>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          {progress.total > 0 && progress.asked > 0 ? (
            <p className="text-sm text-muted-foreground" data-testid="progress">
              {t("progress", { n: Math.min(progress.asked, progress.total), m: progress.total })}
            </p>
          ) : null}
          <TimeUsedLabel time={time} running={!done} />
        </div>
      </div>

      <ol className="grid gap-3" aria-label={t("conversationLabel")} data-testid="conversation">
        {turns.map((turn) => (
          <Bubble key={turn.turnNumber} turnNumber={turn.turnNumber} role={turn.role} speaker={turn.role === "agent" ? t("interviewer") : t("you")}>
            {turn.content}
          </Bubble>
        ))}
        {outgoing ? (
          <Bubble role="candidate" speaker={t("you")} pending>
            {outgoing.content}
            {outgoing.failure ? null : <span className="sr-only"> {t("sending")}</span>}
          </Bubble>
        ) : null}
        {outgoing && !outgoing.failure ? (
          <li className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="reply-pending">
            <Loader2 className="size-4 animate-spin motion-reduce:animate-none" aria-hidden />
            {t("writing")}
          </li>
        ) : null}
      </ol>
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="chat-announcer">
        {announcement}
      </div>

      {outgoing?.failure ? <SendFailure failure={outgoing.failure} busy={sending} onRetry={() => void deliver(outgoing)} /> : null}

      {done ? (
        <EndScreen testId="chat-done" icon={<PartyPopper aria-hidden />} title={t("doneTitle")} body={t("doneBody")} />
      ) : (
        <form onSubmit={submit} className="sticky bottom-0 -mx-4 grid gap-2 border-t bg-background/95 px-4 pb-4 pt-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border sm:px-4">
          <label htmlFor={`${ids}-answer`} className="text-sm font-medium">
            {t("answerLabel")}
          </label>
          <Textarea
            id={`${ids}-answer`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            readOnly={waiting}
            aria-disabled={waiting || undefined}
            aria-describedby={`${ids}-hint`}
            maxLength={MAX_MESSAGE_LENGTH}
            rows={3}
            className={cn("text-base sm:text-sm", waiting && "opacity-60")}
          />
          <div className="flex items-center justify-between gap-3">
            <p id={`${ids}-hint`} className="text-xs text-muted-foreground">
              {waiting ? t("waitHint") : t("keysHint")}
              {draft.length > MAX_MESSAGE_LENGTH - 500 ? ` ${t("length", { n: draft.length, max: MAX_MESSAGE_LENGTH })}` : ""}
            </p>
            <Button type="submit" disabled={waiting || !draft.trim()}>
              <Send aria-hidden />
              {t("send")}
            </Button>
          </div>
        </form>
      )}
      <div ref={endRef} />
    </div>
  );
}

type BubbleProps = { role: CandidateTurn["role"]; speaker: string; turnNumber?: number; pending?: boolean; children: React.ReactNode };

function Bubble({ role, speaker, turnNumber, pending = false, children }: BubbleProps) {
  const agent = role === "agent";
  return (
    <li className={cn("flex", agent ? "justify-start" : "justify-end")} data-role={role} data-turn={turnNumber}>
      <div
        className={cn(
          "max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-4 py-2.5 leading-relaxed",
          agent ? "rounded-bl-sm bg-card ring-1 ring-border" : "rounded-br-sm bg-accent text-accent-foreground",
          pending && "opacity-70",
        )}
      >
        <span className="sr-only">{speaker}: </span>
        {children}
      </div>
    </li>
  );
}

function SendFailure({ failure, busy, onRetry }: { failure: RetryableFailure; busy: boolean; onRetry: () => void }) {
  const t = useTranslations("candidate");
  const text =
    failure.kind === "rateLimited"
      ? t("problem.rateLimited", { seconds: failure.retryAfterSeconds })
      : failure.kind === "network"
        ? t("chat.notSentNetwork")
        : failure.kind === "replyInProgress"
          ? t("problem.replyInProgress")
          : t("chat.notSentServer");
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-md border border-destructive/40 bg-destructive/5 p-4 sm:flex-row sm:items-center" data-testid={`send-failed-${failure.kind}`}>
      <AlertCircle className="size-5 shrink-0 text-destructive" aria-hidden />
      <p className="flex-1 text-sm">{text}</p>
      <Button variant="outline" onClick={onRetry} disabled={busy}>
        <RotateCw aria-hidden />
        {t("chat.resend")}
      </Button>
    </div>
  );
}
