"use client";

import { CheckCircle2, Circle } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { InterviewView } from "@/lib/console/interview-view";

type Step = { key: string; label: string; at: string | null; detail?: string; done?: boolean };

/** Created → invited → e-mail delivered → started → ended → report ready → decision. */
export function Timeline({ view }: { view: InterviewView }) {
  const t = useTranslations("timeline");
  const format = useFormatter();
  const email = view.invitation;
  const steps: Step[] = [
    { key: "created", label: t("created"), at: view.createdAt },
    { key: "invited", label: t("invited"), at: view.invitedAt },
    {
      key: "email",
      label: email.emailStatus === "OUTBOX" ? t("emailOutbox") : email.emailStatus === "FAILED" ? t("emailFailed") : t("emailSent"),
      at: email.emailSentAt ?? (email.emailStatus === "OUTBOX" || email.emailStatus === "FAILED" ? view.invitedAt : null),
      detail: email.emailError ?? undefined,
      // SENT with no e-mail row to date it (e.g. the demo seed): delivered all the same, as the details say.
      done: email.emailStatus === "SENT",
    },
    { key: "started", label: t("started"), at: view.startedAt },
    view.cancelledAt ? { key: "cancelled", label: t("cancelled"), at: view.cancelledAt } : { key: "ended", label: t("ended"), at: view.endedAt },
    { key: "report", label: view.report?.status === "FAILED" ? t("reportFailed") : t("reportReady"), at: view.report?.generatedAt ?? null },
    { key: "decision", label: t("decision"), at: view.decision?.decidedAt ?? null },
  ];
  return (
    <ol className="grid gap-3" aria-label={t("label")} data-testid="timeline">
      {steps.map((step) => {
        const done = step.at !== null || step.done === true;
        const Icon = done ? CheckCircle2 : Circle;
        return (
          <li key={step.key} className="flex gap-2.5" data-done={done}>
            <Icon className={done ? "mt-0.5 size-4 shrink-0 text-success" : "mt-0.5 size-4 shrink-0 text-muted-foreground/60"} aria-hidden />
            <div className="min-w-0 text-sm">
              <p className={done ? "font-medium" : "text-muted-foreground"}>{step.label}</p>
              {step.at ? (
                <time className="text-xs text-muted-foreground" dateTime={step.at}>
                  {format.dateTime(new Date(step.at), { dateStyle: "medium", timeStyle: "short" })}
                </time>
              ) : (
                <span className="sr-only">{t("notYet")}</span>
              )}
              {step.detail ? <p className="text-xs text-destructive">{step.detail}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
