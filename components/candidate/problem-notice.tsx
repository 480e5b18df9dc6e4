"use client";

import { AlertCircle, RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { Failure } from "./invite-api";

/** The failures a retry can cure (the others move the page to a screen of their own). */
export type RetryableFailure = Extract<Failure, { kind: "rateLimited" | "network" | "server" | "replyInProgress" }>;

export const isRetryable = (f: Failure): f is RetryableFailure => f.kind === "rateLimited" || f.kind === "network" || f.kind === "server" || f.kind === "replyInProgress";

/** What went wrong, in plain words, and the button that tries again. */
export function ProblemNotice({ failure, onRetry, busy = false }: { failure: RetryableFailure; onRetry: () => void; busy?: boolean }) {
  const t = useTranslations("candidate.problem");
  const text =
    failure.kind === "rateLimited" ? t("rateLimited", { seconds: failure.retryAfterSeconds }) : failure.kind === "network" ? t("network") : failure.kind === "replyInProgress" ? t("replyInProgress") : t("server");
  return (
    <div role="alert" className="mt-4 flex flex-col gap-3 rounded-md border border-destructive/40 bg-destructive/5 p-4 sm:flex-row sm:items-center" data-testid={`problem-${failure.kind}`}>
      <AlertCircle className="size-5 shrink-0 text-destructive" aria-hidden />
      <p className="flex-1 text-sm">{text}</p>
      <Button variant="outline" onClick={onRetry} disabled={busy}>
        <RotateCw aria-hidden />
        {t("retry")}
      </Button>
    </div>
  );
}
