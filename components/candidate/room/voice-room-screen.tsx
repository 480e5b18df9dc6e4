"use client";

import { Ear, Keyboard, Loader2, LogOut, Mic, MicOff, PartyPopper, RotateCw, Sparkles, Volume2, WifiOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EndScreen } from "../end-screen";
import { readConversation, type TimeUsed, type VoiceJoin } from "../invite-api";
import { StepHeading } from "../step-heading";
import { TimeUsedLabel } from "../time-used";
import { type CandidateRoom, INITIAL_SNAPSHOT, type RoomSnapshot } from "./candidate-room";
import { createCandidateRoom } from "./room-factory";

type Props = {
  token: string;
  join: VoiceJoin;
  microphoneId?: string;
  /** Join again (a fresh room token) after leaving or losing the connection. */
  onRejoin: () => void;
  onWriteInstead: () => void;
  onFinished: () => void;
};

const noSubscription = () => () => {};
const initial = () => INITIAL_SNAPSHOT;

/** The voice interview: who has the floor, the interviewer's words as captions, time used, mute and leave. */
export function VoiceRoomScreen({ token, join, microphoneId, onRejoin, onWriteInstead, onFinished }: Props) {
  const t = useTranslations("candidate.room");
  const [room, setRoom] = useState<CandidateRoom | null>(null);
  const [time, setTime] = useState<TimeUsed | null>(null);

  useEffect(() => {
    let cancelled = false;
    let created: CandidateRoom | undefined;
    void createCandidateRoom().then((r) => {
      if (cancelled) return;
      created = r;
      setRoom(r);
      void r.connect(join, { microphoneId });
    });
    // The configured duration and the time already used (a rejoin continues the count).
    void readConversation(token).then((r) => !cancelled && r.ok && setTime(r.value.time));
    return () => {
      cancelled = true;
      void created?.leave();
    };
  }, [token, join, microphoneId]);

  const snapshot = useSyncExternalStore(room?.subscribe ?? noSubscription, room?.getSnapshot ?? initial, initial);
  const finished = snapshot.phase === "ended" && snapshot.endReason === "finished";
  useEffect(() => {
    if (finished) onFinished();
  }, [finished, onFinished]);

  if (snapshot.phase === "ended") return <RoomEnded reason={snapshot.endReason ?? "lost"} onRejoin={onRejoin} onWriteInstead={onWriteInstead} />;

  const Host = room?.Host;
  return (
    <div className="grid gap-4" data-testid="voice-room" data-phase={snapshot.phase}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <StepHeading>{t("title")}</StepHeading>
        <TimeUsedLabel time={time} running={snapshot.agentPresent && snapshot.phase !== "reconnecting"} />
      </div>
      <PhaseCard snapshot={snapshot} />
      <Captions snapshot={snapshot} />
      <Controls room={room} snapshot={snapshot} />
      {Host ? <Host startAudioLabel={t("startAudio")} /> : null}
    </div>
  );
}

function PhaseCard({ snapshot }: { snapshot: RoomSnapshot }) {
  const t = useTranslations("candidate.room.phase");
  const { phase, agentPresent } = snapshot;
  const key = phase === "connecting" ? (agentPresent ? "preparing" : "connecting") : phase;
  const Icon = phase === "speaking" ? Volume2 : phase === "listening" ? Ear : phase === "thinking" ? Sparkles : phase === "reconnecting" ? WifiOff : Loader2;
  return (
    <Card className={cn("flex items-center gap-4 p-5", phase === "reconnecting" && "border-warning/60")}>
      <span
        className={cn(
          "flex size-14 shrink-0 items-center justify-center rounded-full bg-accent text-accent-foreground",
          phase === "speaking" && "animate-pulse motion-reduce:animate-none",
          phase === "listening" && "bg-primary text-primary-foreground",
        )}
        aria-hidden
      >
        <Icon className={cn("size-7", phase === "connecting" && "animate-spin motion-reduce:animate-none")} />
      </span>
      <div role="status" aria-live="polite" data-testid="room-phase" data-phase={phase}>
        <p className="text-lg font-medium">{t(`${key}.title`)}</p>
        <p className="text-sm text-muted-foreground">{t(`${key}.body`)}</p>
      </div>
    </Card>
  );
}

function Captions({ snapshot }: { snapshot: RoomSnapshot }) {
  const t = useTranslations("candidate.room");
  const ids = useId();
  return (
    <Card className="p-5" aria-labelledby={`${ids}-captions`}>
      <h2 id={`${ids}-captions`} className="text-sm font-medium text-muted-foreground">
        {t("captionsTitle")}
      </h2>
      {snapshot.captions.length ? (
        <ol className="mt-2 grid gap-2" data-testid="captions">
          {snapshot.captions.map((c, i) => (
            <li key={c.id} className={cn("leading-relaxed", i === snapshot.captions.length - 1 ? "text-lg" : "text-muted-foreground")}>
              {c.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-muted-foreground">{t("captionsEmpty")}</p>
      )}
    </Card>
  );
}

function Controls({ room, snapshot }: { room: CandidateRoom | null; snapshot: RoomSnapshot }) {
  const t = useTranslations("candidate.room");
  const [leaving, setLeaving] = useState(false);
  return (
    <div className="grid gap-2">
      {snapshot.muted ? (
        <p className="text-sm font-medium text-warning" data-testid="muted-note">
          {t("mutedNote")}
        </p>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:justify-between">
      <Button
        variant={snapshot.muted ? "default" : "outline"}
        size="lg"
        aria-pressed={snapshot.muted}
        disabled={!room}
        onClick={() => void room?.setMuted(!snapshot.muted)}
        data-testid="mute"
      >
        {snapshot.muted ? <MicOff aria-hidden /> : <Mic aria-hidden />}
        {t("mute")}
      </Button>
      <Dialog>
        <DialogTrigger asChild>
          <Button variant="outline" size="lg" disabled={!room} className="text-destructive">
            <LogOut aria-hidden />
            {t("leave")}
          </Button>
        </DialogTrigger>
        <DialogContent closeLabel={t("stay")}>
          <DialogHeader>
            <DialogTitle>{t("leaveTitle")}</DialogTitle>
            <DialogDescription>{t("leaveBody")}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{t("stay")}</Button>
            </DialogClose>
            <Button
              variant="destructive"
              disabled={leaving}
              onClick={() => {
                setLeaving(true);
                void room?.leave();
              }}
            >
              {t("leaveConfirm")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      </div>
    </div>
  );
}

function RoomEnded({ reason, onRejoin, onWriteInstead }: { reason: NonNullable<RoomSnapshot["endReason"]>; onRejoin: () => void; onWriteInstead: () => void }) {
  const t = useTranslations("candidate.room.ended");
  if (reason === "finished") return <EndScreen testId="room-ended-finished" icon={<PartyPopper aria-hidden />} title={t("finished.title")} body={t("finished.body")} />;
  return (
    <EndScreen
      testId={`room-ended-${reason}`}
      title={t(`${reason}.title`)}
      body={t(`${reason}.body`)}
      actions={
        <>
          <Button size="lg" onClick={onRejoin}>
            <RotateCw aria-hidden />
            {reason === "failed" ? t("retry") : t("rejoin")}
          </Button>
          {reason === "failed" ? (
            <Button size="lg" variant="outline" onClick={onWriteInstead}>
              <Keyboard aria-hidden />
              {t("writeInstead")}
            </Button>
          ) : null}
        </>
      }
    />
  );
}
