import { Quote } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ReportResource } from "@/lib/api/schemas/reports";

type Criterion = NonNullable<ReportResource["scorecard"]>["criteria"][number];

/** One criterion: its score, why, and the candidate's own words, each linked to its turn. */
export async function CriterionCard({ criterion, interviewId }: { criterion: Criterion; interviewId: string }) {
  const t = await getTranslations("report");
  return (
    // The id is the target of the compare screen's score links; the :target style marks it.
    <article
      id={`criterion-${criterion.key}`}
      className="break-inside-avoid scroll-mt-24 rounded-lg border bg-card p-4 transition-colors target:border-warning target:ring-2 target:ring-warning/50"
      data-testid={`criterion-${criterion.key}`}
    >
      <header className="flex items-baseline justify-between gap-3">
        <h3 className="font-semibold">{criterion.label}</h3>
        <span className="shrink-0 text-lg font-semibold tabular-nums">{criterion.score === null ? t("notAssessed") : `${criterion.score}/5`}</span>
      </header>
      <p className="mt-2 text-sm text-muted-foreground">{criterion.rationale}</p>
      {criterion.evidence.length ? (
        <ul className="mt-3 grid gap-2" aria-label={t("evidence")}>
          {criterion.evidence.map((e, i) => (
            <li key={i}>
              {/* A full navigation on purpose: after a client-side one the browser does not set
                  :target, and the quoted turn would not be highlighted. */}
              <a
                href={`/interviews/${interviewId}#turn-${e.turnNumber}`}
                className="flex gap-2 rounded-md border-l-2 border-primary bg-muted/50 px-3 py-2 text-sm text-foreground no-underline hover:bg-accent"
                data-testid="evidence-link"
              >
                <Quote className="mt-0.5 size-3.5 shrink-0 text-primary" aria-hidden />
                <span>
                  <q className="italic">{e.quote}</q> <span className="whitespace-nowrap text-xs text-muted-foreground">{t("turnRef", { n: e.turnNumber })}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-xs text-muted-foreground">{t("noEvidence")}</p>
      )}
    </article>
  );
}
