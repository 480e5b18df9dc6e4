"use client";

import { Bot, Hourglass, User } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { TurnEvaluation } from "./turn-evaluation";
import type { LiveTurn } from "./use-live-turns";

/**
 * The conversation as it happened. Each turn is addressable (#turn-N): a report's evidence
 * links here and the :target style highlights the quoted answer.
 */
export function Transcript({ turns, candidateName, criteriaLabels }: { turns: LiveTurn[]; candidateName: string; criteriaLabels: Record<string, string> }) {
  const t = useTranslations("interview");
  const format = useFormatter();
  if (!turns.length) return <p className="py-6 text-center text-sm text-muted-foreground">{t("noTurns")}</p>;
  return (
    <ol className="grid gap-3" aria-label={t("transcript")} data-testid="transcript">
      {turns.map((turn) => {
        const agent = turn.role === "agent";
        const Icon = agent ? Bot : User;
        return (
          <li
            key={turn.turnNumber}
            id={`turn-${turn.turnNumber}`}
            data-testid={`turn-${turn.turnNumber}`}
            className={cn(
              "scroll-mt-24 rounded-lg border p-3 transition-colors target:border-warning target:bg-highlight target:ring-2 target:ring-warning/50",
              agent ? "mr-6 bg-muted/40 sm:mr-16" : "ml-6 bg-card sm:ml-16",
            )}
          >
            <div className="mb-1 flex items-center gap-2 text-xs text-muted-foreground">
              <Icon className="size-3.5" aria-hidden />
              <span className="font-medium text-foreground">{agent ? t("interviewer") : candidateName}</span>
              <span aria-hidden>·</span>
              <time dateTime={turn.createdAt}>{format.dateTime(new Date(turn.createdAt), { timeStyle: "medium" })}</time>
              <span className="ml-auto tabular-nums">#{turn.turnNumber}</span>
            </div>
            <p className="whitespace-pre-wrap text-sm leading-relaxed">{turn.content || <em className="text-muted-foreground">{t("emptyTurn")}</em>}</p>
            {turn.isPendingQuestion ? (
              <p className="mt-2 inline-flex items-center gap-1.5 text-xs font-medium text-warning" data-testid="pending-question">
                <Hourglass className="size-3.5" aria-hidden />
                {t("waitingForAnswer")}
              </p>
            ) : null}
            {turn.audioUrl ? <audio className="mt-2 h-8 w-full max-w-sm" controls preload="none" src={turn.audioUrl} aria-label={t("turnAudio", { n: turn.turnNumber })} /> : null}
            {!agent ? <TurnEvaluation evaluation={turn.evaluation} labels={criteriaLabels} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
