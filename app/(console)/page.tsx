import { MessagesSquare } from "lucide-react";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { DashboardBarChart } from "@/components/dashboard/bar-chart";
import { ChartFigure, NumbersTable } from "@/components/dashboard/chart-figure";
import { CompletionChart } from "@/components/dashboard/completion-chart";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { interviewStatus } from "@/db/interviews";
import { getDashboard } from "@/lib/console/dashboard";
import { canAct, requireConsole } from "@/lib/console/session";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const { db, ctx, organization, user } = await requireConsole();
  const timeZone = await getTimeZone();
  const [t, tStatus, tDecision, format, dash] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("status"),
    getTranslations("decision"),
    getFormatter(),
    getDashboard(db, ctx, { timeZone }),
  ]);
  const { statuses, completion, weeks, scoresByJob, decisions } = dash;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const percent = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 1 });
  const score = (x: number) => format.number(x, { maximumFractionDigits: 1 });
  const weekLabel = (week: string) => format.dateTime(new Date(`${week}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const decided = decisions.agree + decisions.depart;

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle", { organization: organization.name })} />
      <section className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("counts")}>
        {interviewStatus.enumValues.map((s) => (
          <Card key={s} className="p-4" data-testid={`count-${s}`}>
            <div className="text-xs font-medium text-muted-foreground">{tStatus(s)}</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{statuses[s]}</div>
          </Card>
        ))}
      </section>

      {total === 0 ? (
        <div className="mt-6">
          <EmptyState
            icon={MessagesSquare}
            title={t("empty")}
            description={t("emptyBody")}
            action={
              canAct(user.role) ? (
                <Button asChild>
                  <Link href="/interviews/new">{t("emptyAction")}</Link>
                </Button>
              ) : null
            }
          />
        </div>
      ) : (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <ChartFigure
            testId="chart-statuses"
            title={t("byStatus")}
            description={t("byStatusHint")}
            chart={<DashboardBarChart data={interviewStatus.enumValues.map((s) => ({ label: tStatus(s), n: statuses[s] }))} series={[{ key: "n", label: t("interviews"), color: "var(--chart-2)" }]} horizontal />}
            table={<NumbersTable testId="table-statuses" caption={t("byStatus")} head={[t("status"), t("interviews")]} rows={interviewStatus.enumValues.map((s) => [tStatus(s), statuses[s]])} />}
          />
          <ChartFigure
            testId="chart-completion"
            title={t("completion")}
            description={t("completionHint")}
            empty={completion.invited ? null : t("noInvited")}
            chart={<CompletionChart completed={completion.completed} notCompleted={completion.invited - completion.completed} labels={{ completed: t("completed"), notCompleted: t("notCompleted") }} rate={completion.rate === null ? "–" : percent(completion.rate)} />}
            table={
              <NumbersTable
                testId="table-completion"
                caption={t("completion")}
                head={[t("measure"), t("value")]}
                rows={[
                  [t("invited"), completion.invited],
                  [t("completed"), completion.completed],
                  [t("rate"), completion.rate === null ? "–" : percent(completion.rate)],
                ]}
              />
            }
          />
          <ChartFigure
            testId="chart-weeks"
            title={t("perWeek")}
            description={t("perWeekHint", { weeks: weeks.rows.length, timeZone: weeks.timeZone })}
            empty={weeks.rows.some((w) => w.started) ? null : t("noneStarted")}
            chart={<DashboardBarChart data={weeks.rows.map((w) => ({ label: weekLabel(w.week), n: w.started }))} series={[{ key: "n", label: t("started"), color: "var(--chart-1)" }]} />}
            table={<NumbersTable testId="table-weeks" caption={t("perWeek")} head={[t("weekOf"), t("started")]} rows={weeks.rows.map((w) => [weekLabel(w.week), w.started])} />}
          />
          <ChartFigure
            testId="chart-scores"
            title={t("scoreByJob")}
            description={t("scoreByJobHint")}
            empty={scoresByJob.length ? null : t("noScores")}
            chart={<DashboardBarChart data={scoresByJob.map((j) => ({ label: j.title, score: Math.round(j.averageScore * 10) / 10 }))} series={[{ key: "score", label: t("averageScore"), color: "var(--chart-3)" }]} horizontal domain={[0, 100]} />}
            table={<NumbersTable testId="table-scores" caption={t("scoreByJob")} head={[t("job"), t("averageScore"), t("reports")]} rows={scoresByJob.map((j) => [j.title, score(j.averageScore), j.reports])} />}
          />
          <ChartFigure
            testId="chart-decisions"
            title={t("decisions")}
            description={decided ? t("departShare", { share: percent(decisions.depart / decided), n: decided }) : t("decisionsHint")}
            empty={decided ? null : t("noDecisions")}
            chart={
              <DashboardBarChart
                data={decisions.byOutcome.map((o) => ({ label: tDecision(`outcome.${o.outcome}`), agree: o.agree, depart: o.depart }))}
                series={[
                  { key: "agree", label: t("agree"), color: "var(--chart-1)" },
                  { key: "depart", label: t("depart"), color: "var(--chart-4)" },
                ]}
                stacked
              />
            }
            table={
              <NumbersTable
                testId="table-decisions"
                caption={t("decisions")}
                head={[t("outcome"), t("agree"), t("depart")]}
                rows={[...decisions.byOutcome.map((o) => [tDecision(`outcome.${o.outcome}`), o.agree, o.depart]), [t("total"), decisions.agree, decisions.depart]]}
              />
            }
          />
        </div>
      )}
    </>
  );
}
