"use client";

import { useTranslations } from "next-intl";
import { OUTCOME_TONE } from "@/components/reports/decision-card";
import { Badge } from "@/components/ui/badge";
import type { DecisionOut } from "@/lib/api/schemas/decisions";

/** The human decision in one line, where the interview is shown (its page, the list). */
export function DecisionSummary({ decision, compact = false }: { decision: DecisionOut | null; compact?: boolean }) {
  const t = useTranslations("decision");
  if (!decision) return compact ? <span className="text-muted-foreground">–</span> : null;
  return (
    <p className="flex flex-wrap items-center gap-1.5" data-testid="decision-summary">
      {compact ? null : <span className="text-muted-foreground">{t("title")}:</span>}
      <Badge tone={OUTCOME_TONE[decision.outcome]}>{t(`outcome.${decision.outcome}`)}</Badge>
      {decision.agreesWithRecommendation ? null : <span className="text-xs text-muted-foreground">{t("departsShort")}</span>}
    </p>
  );
}
