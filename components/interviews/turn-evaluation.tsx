"use client";

import { Flag } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

type Rating = { key: string; score: number | null };

/** Per-criterion ratings of one answer, as the interviewer stored them (`evaluation.criteria`). */
export function ratingsOf(evaluation: Record<string, unknown> | null): Rating[] {
  const criteria = (evaluation?.criteria ?? evaluation?.scores) as Record<string, unknown> | undefined;
  if (!criteria || typeof criteria !== "object") return [];
  return Object.entries(criteria).map(([key, value]) => {
    const raw = typeof value === "object" && value !== null ? (value as { score?: unknown }).score : value;
    return { key, score: typeof raw === "number" ? raw : null };
  });
}

export const flagsOf = (evaluation: Record<string, unknown> | null): string[] =>
  Array.isArray(evaluation?.flags) ? (evaluation.flags as unknown[]).filter((f): f is string => typeof f === "string") : [];

export function TurnEvaluation({ evaluation, labels }: { evaluation: Record<string, unknown> | null; labels: Record<string, string> }) {
  const t = useTranslations("interview");
  const ratings = ratingsOf(evaluation);
  const flags = flagsOf(evaluation);
  if (!ratings.length && !flags.length) return null;
  return (
    <div className="mt-2 flex flex-wrap gap-1.5" aria-label={t("turnEvaluation")}>
      {ratings.map((r) => (
        <Badge key={r.key} tone="neutral">
          {labels[r.key] ?? r.key}: {r.score ?? "–"}/5
        </Badge>
      ))}
      {flags.map((f) => (
        <Badge key={f} tone="warning">
          <Flag aria-hidden />
          {f}
        </Badge>
      ))}
    </div>
  );
}
