import { ArrowLeft, Info, Loader2 } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/console/auto-refresh";
import { PageHeader } from "@/components/console/page-header";
import { CriteriaChart } from "@/components/reports/criteria-chart";
import { CriterionCard } from "@/components/reports/criterion-card";
import { DecisionCard } from "@/components/reports/decision-card";
import { ReportActions } from "@/components/reports/report-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { getReportView } from "@/lib/console/report-view";
import { canAct, requireConsole } from "@/lib/console/session";
import { AppError } from "@/lib/errors";

export async function generateMetadata() {
  return { title: (await getTranslations("report"))("title") };
}

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> }) {
  const [{ id }, { version }, { db, ctx, user }] = await Promise.all([params, searchParams, requireConsole()]);
  const wanted = version && /^[1-9][0-9]{0,5}$/.test(version) ? Number(version) : undefined;
  const view = await getReportView(db, ctx, id, wanted).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [t, ti, format] = await Promise.all([getTranslations("report"), getTranslations("interview"), getFormatter()]);
  const { interview, report, versions } = view;
  const name = `${interview.candidate.firstName} ${interview.candidate.lastName}`;
  const inProgress = report && (report.status === "PENDING" || report.status === "GENERATING");
  // The form compares with the interview's current READY report, whichever version is shown.
  const decisionCard =
    interview.status === "COMPLETED" ? (
      <DecisionCard
        interviewId={id}
        decision={interview.decision}
        recommendation={interview.report?.status === "READY" && interview.report.recommendation ? ti(`recommendation.${interview.report.recommendation}` as "recommendation.YES") : null}
        canDecide={canAct(user.role)}
      />
    ) : null;

  return (
    <>
      {inProgress ? <AutoRefresh /> : null}
      <Link href={`/interviews/${id}`} className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground no-underline hover:text-foreground" data-print="hide">
        <ArrowLeft className="size-4" aria-hidden />
        {t("backToInterview")}
      </Link>
      <PageHeader
        title={t("heading", { name })}
        description={`${interview.job.title} · ${interview.config.name}`}
        actions={report?.status === "READY" || interview.status === "COMPLETED" ? <ReportActions interviewId={id} canAct={canAct(user.role)} /> : null}
      />
      <p className="mb-6 flex items-start gap-2 rounded-lg border border-info/40 bg-info/10 px-4 py-3 text-sm" role="note" data-testid="advisory-notice">
        <Info className="mt-0.5 size-4 shrink-0 text-info" aria-hidden />
        {t("advisory")}
      </p>
      {!report || report.status !== "READY" ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
          {!report ? (
            <Card className="p-6 text-sm text-muted-foreground">{ti("reportNone")}</Card>
          ) : (
            <Card className="flex items-center gap-3 p-6 text-sm" role="status">
              {inProgress ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
              <span>
                {ti(`reportStatus.${report.status}` as "reportStatus.PENDING")}
                {report.failureReason ? ` ${report.failureReason}` : ""}
              </span>
            </Card>
          )}
          <div className="grid content-start gap-6">{decisionCard}</div>
        </div>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="grid content-start gap-6">
            <Card>
              <CardContent className="flex flex-wrap items-center gap-6 pt-5 sm:pt-5">
                <div>
                  <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{t("overall")}</p>
                  <p className="text-4xl font-semibold tabular-nums" data-testid="overall-score">
                    {report.overallScore === null ? "–" : format.number(report.overallScore, { maximumFractionDigits: 1 })}
                    <span className="text-base font-normal text-muted-foreground"> / 100</span>
                  </p>
                </div>
                {report.recommendation ? (
                  <div>
                    <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{t("aiRecommendation")}</p>
                    <Badge tone="info" className="mt-1 text-sm" data-testid="recommendation">
                      {ti(`recommendation.${report.recommendation}` as "recommendation.YES")}
                    </Badge>
                  </div>
                ) : null}
              </CardContent>
            </Card>
            {report.summary ? (
              <Card>
                <CardHeader>
                  <CardTitle>{t("summary")}</CardTitle>
                </CardHeader>
                <CardContent>
                  <p className="whitespace-pre-wrap text-sm leading-relaxed">{report.summary}</p>
                </CardContent>
              </Card>
            ) : null}
            {report.scorecard ? (
              <Card>
                <CardHeader>
                  <CardTitle>{t("scorecard")}</CardTitle>
                </CardHeader>
                <CardContent>
                  <CriteriaChart criteria={report.scorecard.criteria.map((c) => ({ key: c.key, label: c.label, score: c.score, weight: c.weight }))} />
                </CardContent>
              </Card>
            ) : null}
            <section className="grid gap-3" aria-labelledby="criteria-heading">
              <h2 id="criteria-heading" className="text-lg font-semibold">
                {t("criteria")}
              </h2>
              {report.scorecard?.criteria.map((c) => <CriterionCard key={c.key} criterion={c} interviewId={id} />)}
            </section>
            <div className="grid gap-6 sm:grid-cols-2">
              <ListCard title={t("strengths")} items={report.strengths} empty={t("none")} />
              <ListCard title={t("concerns")} items={report.concerns} empty={t("none")} />
            </div>
          </div>
          <div className="grid content-start gap-6">
            {decisionCard}
            <Card>
              <CardHeader>
                <CardTitle>{t("about")}</CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-0.5 text-sm [&_dd]:mb-2 [&_dd]:font-medium [&_dt]:text-xs">
                  <dt className="text-muted-foreground">{t("model")}</dt>
                  <dd className="break-all">{report.model ?? "–"}</dd>
                  <dt className="text-muted-foreground">{t("promptVersion")}</dt>
                  <dd>{report.promptVersion ?? "–"}</dd>
                  <dt className="text-muted-foreground">{t("configVersion")}</dt>
                  <dd>{report.configVersion ?? "–"}</dd>
                  <dt className="text-muted-foreground">{t("generatedAt")}</dt>
                  <dd>{report.generatedAt ? format.dateTime(new Date(report.generatedAt), { dateStyle: "medium", timeStyle: "short" }) : "–"}</dd>
                  <dt className="text-muted-foreground">{t("droppedQuotes")}</dt>
                  <dd className="tabular-nums">{report.droppedQuotes}</dd>
                </dl>
              </CardContent>
            </Card>
            <Card data-print="hide">
              <CardHeader>
                <CardTitle>{t("versions")}</CardTitle>
              </CardHeader>
              <CardContent>
                <ol className="grid gap-1 text-sm">
                  {versions.map((v) => (
                    <li key={v.id}>
                      <Link
                        href={`/interviews/${id}/report?version=${v.version}`}
                        aria-current={v.id === report.id ? "page" : undefined}
                        className={cn("flex justify-between rounded-md px-2 py-1 no-underline hover:bg-muted", v.id === report.id && "bg-accent text-accent-foreground")}
                      >
                        <span>{t("version", { n: v.version })}</span>
                        <span className="text-xs text-muted-foreground">{ti(`reportStatus.${v.status}` as "reportStatus.READY")}</span>
                      </Link>
                    </li>
                  ))}
                </ol>
              </CardContent>
            </Card>
          </div>
        </div>
      )}
    </>
  );
}

function ListCard({ title, items, empty }: { title: string; items: string[] | null; empty: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {items?.length ? (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{empty}</p>
        )}
      </CardContent>
    </Card>
  );
}
