import { ArrowDown, ArrowUp, Columns3, SearchX } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { CompareControls } from "@/components/compare/compare-controls";
import { DecisionSummary } from "@/components/interviews/decision-summary";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { compareInterviews, compareParams, type CompareParams } from "@/lib/console/compare";
import { pickerChoice } from "@/lib/console/pickers";
import { requireConsole } from "@/lib/console/session";

export async function generateMetadata() {
  return { title: (await getTranslations("compare"))("title") };
}

// The first column stays put while the candidates scroll sideways (phones included).
const sticky = "sticky left-0 z-10 bg-card shadow-[1px_0_0_var(--border)]";

function hrefFor(p: CompareParams, sort: CompareParams["sort"]): string {
  const q = new URLSearchParams();
  if (p.job) q.set("job", p.job);
  else if (p.campaign) q.set("campaign", p.campaign);
  if (sort !== "desc") q.set("sort", sort);
  return `/compare?${q}`;
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [search, { db, ctx }] = await Promise.all([searchParams, requireConsole()]);
  const params = compareParams.parse(search);
  const [t, ti, format, job, campaign, result] = await Promise.all([
    getTranslations("compare"),
    getTranslations("interview"),
    getFormatter(),
    pickerChoice(db, ctx, "job", params.job),
    pickerChoice(db, ctx, "campaign", params.campaign),
    compareInterviews(db, ctx, params),
  ]);
  const showTable = result.found && result.candidates.length > 0;

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <CompareControls job={job} campaign={campaign} showSort={showTable} />
      {!result.found ? (
        result.asked ? (
          <p role="alert" className="flex items-center gap-2 rounded-lg border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm text-destructive" data-testid="compare-not-found">
            <SearchX className="size-4 shrink-0" aria-hidden />
            {t("notFound")}
          </p>
        ) : (
          <EmptyState icon={Columns3} title={t("pickerHint")} />
        )
      ) : !showTable ? (
        <EmptyState icon={Columns3} title={t("empty")} description={t("emptyBody", { name: result.scope.label })} />
      ) : (
        <section aria-labelledby="compare-heading" data-testid="compare">
          <h2 id="compare-heading" className="text-lg font-semibold">
            {result.scope.label}
          </h2>
          <p className="mb-3 text-sm text-muted-foreground">
            {result.total > result.candidates.length ? (
              <span data-testid="compare-truncated">{t("truncated", { shown: result.candidates.length, total: result.total })}</span>
            ) : (
              t("count", { n: result.total })
            )}{" "}
            <span className="sm:hidden">{t("scrollHint")}</span>
          </p>
          {/* As wide as its candidates need, no wider; on a narrow screen it scrolls inside its box. */}
          <div className="w-fit max-w-full">
            <Table data-testid="compare-table" className="min-w-max">
              <caption className="sr-only">{t("caption")}</caption>
              <TableHeader className="bg-muted">
                <TableRow>
                  <TableHead scope="col" className={`${sticky} bg-muted min-w-[8.5rem] sm:min-w-[12rem]`}>
                    {t("criterion")}
                  </TableHead>
                  {result.candidates.map((c) => (
                    <TableHead key={c.interviewId} scope="col" className="min-w-[9rem] max-w-[12rem] py-2 align-bottom whitespace-normal">
                      <a href={`/interviews/${c.interviewId}/report`} className="font-semibold text-foreground" aria-label={t("openReport", { name: c.name })} data-testid="compare-candidate">
                        {c.name}
                      </a>
                      <span className="block truncate text-xs font-normal" title={c.email}>
                        {c.email}
                      </span>
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                <TableRow>
                  <TableHead scope="row" className={sticky} aria-sort={params.sort === "asc" ? "ascending" : "descending"}>
                    <Link href={hrefFor(params, params.sort === "asc" ? "desc" : "asc")} className="inline-flex items-center gap-1 text-foreground" data-testid="sort-overall">
                      {t("overall")}
                      {params.sort === "asc" ? <ArrowUp className="size-3.5" aria-hidden /> : <ArrowDown className="size-3.5" aria-hidden />}
                    </Link>
                  </TableHead>
                  {result.candidates.map((c) => (
                    <TableCell key={c.interviewId} className="text-lg font-semibold tabular-nums" data-testid="compare-overall">
                      {c.overallScore === null ? "–" : format.number(c.overallScore, { maximumFractionDigits: 1 })}
                      <span className="text-xs font-normal text-muted-foreground"> / 100</span>
                    </TableCell>
                  ))}
                </TableRow>
                <TableRow>
                  <TableHead scope="row" className={sticky}>
                    {t("recommendation")}
                  </TableHead>
                  {result.candidates.map((c) => (
                    <TableCell key={c.interviewId}>{c.recommendation ? <Badge tone="info">{ti(`recommendation.${c.recommendation}` as "recommendation.YES")}</Badge> : "–"}</TableCell>
                  ))}
                </TableRow>
                <TableRow>
                  <TableHead scope="row" className={sticky}>
                    {t("decision")}
                  </TableHead>
                  {result.candidates.map((c) => (
                    <TableCell key={c.interviewId}>
                      <DecisionSummary decision={c.decision} compact />
                    </TableCell>
                  ))}
                </TableRow>
                {result.criteria.map((criterion) => (
                  <TableRow key={criterion.key} data-testid={`compare-criterion-${criterion.key}`}>
                    <TableHead scope="row" className={`${sticky} whitespace-normal`}>
                      {criterion.label}
                    </TableHead>
                    {result.candidates.map((c) => {
                      const score = c.scores[criterion.key];
                      if (score === undefined)
                        return (
                          <TableCell key={c.interviewId} className="text-xs text-muted-foreground">
                            {t("notInScorecard")}
                          </TableCell>
                        );
                      const shown = score === null ? t("notAssessed") : `${score}/5`;
                      return (
                        <TableCell key={c.interviewId}>
                          {/* A full navigation, so the browser sets :target and the criterion is highlighted. */}
                          <a
                            href={`/interviews/${c.interviewId}/report#criterion-${criterion.key}`}
                            aria-label={t("scoreLink", { criterion: criterion.label, name: c.name, score: shown })}
                            className="group inline-grid min-w-16 gap-1 rounded-md px-1.5 py-1 text-foreground no-underline hover:bg-accent"
                            data-testid="compare-score"
                          >
                            <span className={score === null ? "text-xs text-muted-foreground" : "font-medium tabular-nums underline decoration-dotted underline-offset-4"}>{shown}</span>
                            <span className="h-1.5 w-full overflow-hidden rounded-full bg-muted" aria-hidden>
                              <span className="block h-full rounded-full bg-chart-1" style={{ width: `${((score ?? 0) / 5) * 100}%` }} />
                            </span>
                          </a>
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}
    </>
  );
}
