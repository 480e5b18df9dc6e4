"use client";

import { CheckCircle2, Gavel } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { recordDecisionAction } from "@/app/(console)/interviews/actions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Textarea } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import type { DecisionOut } from "@/lib/api/schemas/decisions";
import { fieldMessages } from "@/lib/console/field-messages";

const OUTCOMES = ["ADVANCE", "HOLD", "REJECT"] as const;
export const OUTCOME_TONE: Record<DecisionOut["outcome"], BadgeTone> = { ADVANCE: "success", HOLD: "warning", REJECT: "danger" };

/**
 * The human decision beside the AI's report: the current one, and for members who may act a
 * form to record (or change) it. The server checks the role and the rules again.
 */
export function DecisionCard({
  interviewId,
  decision,
  recommendation,
  canDecide,
}: {
  interviewId: string;
  decision: DecisionOut | null;
  /** The AI's recommendation, already translated; null when the report is not READY. */
  recommendation: string | null;
  canDecide: boolean;
}) {
  const t = useTranslations("decision");
  const format = useFormatter();
  const router = useRouter();
  const ids = useId();
  const [editing, setEditing] = useState(decision === null);
  const [outcome, setOutcome] = useState<DecisionOut["outcome"] | null>(decision?.outcome ?? null);
  const [agrees, setAgrees] = useState<boolean | null>(recommendation ? (decision?.agreesWithRecommendation ?? null) : false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!outcome) local.outcome = t("pickOutcome");
    if (agrees === null) local.agreesWithRecommendation = t("pickAgreement");
    if (agrees === false && !reason.trim()) local.reason = t("reasonRequired");
    setErrors(local);
    if (Object.keys(local).length) return;
    startTransition(async () => {
      const result = await recordDecisionAction(interviewId, { outcome, agreesWithRecommendation: agrees, reason: reason.trim() || null });
      if (!result.ok) {
        setErrors(fieldMessages(result.error));
        return void toast.error(result.error.message);
      }
      toast.success(t("recorded"));
      setEditing(false);
      setReason("");
      router.refresh();
    });
  };

  return (
    <Card data-testid="decision-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Gavel className="size-4" aria-hidden />
          {t("title")}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {decision ? (
          <div className="grid gap-1.5 text-sm" data-testid="current-decision">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={OUTCOME_TONE[decision.outcome]} className="text-sm">
                {t(`outcome.${decision.outcome}`)}
              </Badge>
              <span className="text-muted-foreground">{decision.agreesWithRecommendation ? t("agrees") : t("departs")}</span>
            </div>
            {decision.reason ? <p className="whitespace-pre-wrap">{decision.reason}</p> : null}
            <p className="text-xs text-muted-foreground">
              {t("by", { name: decision.decidedBy.name ?? t(`actor.${decision.decidedBy.type}`), when: format.dateTime(new Date(decision.decidedAt), { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        )}
        {canDecide && !editing ? (
          <Button variant="outline" onClick={() => setEditing(true)} data-print="hide">
            {t("change")}
          </Button>
        ) : null}
        {canDecide && editing ? (
          <form className="grid gap-4" onSubmit={submit} noValidate data-print="hide" aria-label={t("formLabel")}>
            <fieldset className="grid gap-2" aria-describedby={errors.outcome ? `${ids}-outcome-error` : undefined}>
              <legend className="mb-1 text-sm font-medium">{t("outcomeLegend")}</legend>
              <div className="grid grid-cols-3 gap-2">
                {OUTCOMES.map((o) => (
                  <label key={o} className="flex cursor-pointer items-center justify-center gap-1.5 rounded-md border px-2 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring">
                    <input type="radio" name={`${ids}-outcome`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} className="sr-only" />
                    {outcome === o ? <CheckCircle2 className="size-4" aria-hidden /> : null}
                    {t(`outcome.${o}`)}
                  </label>
                ))}
              </div>
              {errors.outcome ? (
                <p id={`${ids}-outcome-error`} className="text-xs font-medium text-destructive" role="alert">
                  {errors.outcome}
                </p>
              ) : null}
            </fieldset>
            {recommendation ? (
              <fieldset className="grid gap-1.5">
                <legend className="mb-1 text-sm font-medium">{t("agreementLegend", { recommendation })}</legend>
                {[true, false].map((value) => (
                  <label key={String(value)} className="flex items-center gap-2 text-sm">
                    <input type="radio" name={`${ids}-agrees`} checked={agrees === value} onChange={() => setAgrees(value)} className="size-4 accent-[var(--primary)]" />
                    {value ? t("agreeOption") : t("departOption")}
                  </label>
                ))}
                {errors.agreesWithRecommendation ? (
                  <p className="text-xs font-medium text-destructive" role="alert">
                    {errors.agreesWithRecommendation}
                  </p>
                ) : null}
              </fieldset>
            ) : (
              <p className="text-sm text-muted-foreground">{t("noRecommendation")}</p>
            )}
            <Field label={agrees === false ? t("reasonRequiredLabel") : t("reasonLabel")} htmlFor={`${ids}-reason`} error={errors.reason}>
              <Textarea
                id={`${ids}-reason`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={3}
                maxLength={2000}
                aria-invalid={errors.reason ? true : undefined}
                aria-describedby={errors.reason ? `${ids}-reason-error` : undefined}
              />
            </Field>
            <div className="flex gap-2">
              <Button type="submit" disabled={pending}>
                {t("submit")}
              </Button>
              {decision ? (
                <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
                  {t("cancel")}
                </Button>
              ) : null}
            </div>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
