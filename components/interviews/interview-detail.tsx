"use client";

import { useQuery } from "@tanstack/react-query";
import { FileText, Mail } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { fetchInterview, interviewKey } from "@/lib/console/queries";
import type { InterviewView } from "@/lib/console/interview-view";
import { Elapsed } from "./elapsed";
import { InterviewActions } from "./interview-actions";
import { LiveIndicator } from "./live-indicator";
import { StatusBadge } from "./status-badge";
import { ConsentSummary } from "./consent-summary";
import { DecisionSummary } from "./decision-summary";
import { Timeline } from "./timeline";
import { Transcript } from "./transcript";
import { useLiveTurns } from "./use-live-turns";

// Statuses that can still change on their own (a candidate joins, a report lands).
const MOVING = new Set(["INVITED", "IN_PROGRESS", "COMPLETED"]);

export function InterviewDetail({ id, canAct }: { id: string; canAct: boolean }) {
  const t = useTranslations("interview");
  const format = useFormatter();
  const { data } = useQuery({
    queryKey: interviewKey(id),
    queryFn: () => fetchInterview(id),
    // While something can still happen, refresh the status and report while the tab is visible.
    refetchInterval: (q) => (q.state.data && MOVING.has(q.state.data.status) && q.state.data.report?.status !== "READY" ? 5_000 : false),
  });
  const view = data as InterviewView;
  const live = view.status === "IN_PROGRESS";
  const { turns, state } = useLiveTurns(id, view.transcript, live);
  const name = `${view.candidate.firstName} ${view.candidate.lastName}`;
  const labels = Object.fromEntries(view.config.criteria.map((c) => [c.key, c.label]));

  return (
    <>
      <PageHeader
        title={name}
        description={
          <>
            {view.job.title} · <a href={`mailto:${view.candidate.email}`}>{view.candidate.email}</a>
          </>
        }
        actions={canAct ? <InterviewActions interviewId={id} status={view.status} /> : null}
      >
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge status={view.status} />
          {view.humanRequested ? (
            <Badge tone="warning" title={t("humanRequestedHelp")} data-testid="human-requested">
              {t("humanRequested")}
            </Badge>
          ) : null}
          <LiveIndicator state={state} />
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <CardHeader>
            <CardTitle>{t("transcript")}</CardTitle>
            <span className="text-xs text-muted-foreground">{t("turnCount", { n: turns.length })}</span>
          </CardHeader>
          <CardContent className="grid gap-4">
            {view.startedAt ? <Elapsed startedAt={view.startedAt} endedAt={view.endedAt ?? view.cancelledAt} maxMinutes={view.config.maxDurationMinutes} /> : null}
            {view.audioUrl ? <audio controls preload="none" src={view.audioUrl} className="w-full" aria-label={t("recording")} /> : null}
            <Transcript turns={turns} candidateName={name} criteriaLabels={labels} />
          </CardContent>
        </Card>
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("report")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              {view.report?.status === "READY" ? (
                <>
                  <p className="flex items-baseline gap-2">
                    <span className="text-3xl font-semibold tabular-nums" data-testid="overall-score">
                      {view.report.overallScore === null ? "–" : format.number(view.report.overallScore, { maximumFractionDigits: 1 })}
                    </span>
                    <span className="text-muted-foreground">/ 100</span>
                  </p>
                  {view.report.recommendation ? <Badge tone="info">{t(`recommendation.${view.report.recommendation}` as "recommendation.YES")}</Badge> : null}
                  <Button asChild variant="outline">
                    <Link href={`/interviews/${id}/report`}>
                      <FileText aria-hidden />
                      {t("openReport")}
                    </Link>
                  </Button>
                </>
              ) : (
                <p className="text-muted-foreground">{view.report ? t(`reportStatus.${view.report.status}` as "reportStatus.PENDING") : t("reportNone")}</p>
              )}
              <DecisionSummary decision={view.decision} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("timeline")}</CardTitle>
            </CardHeader>
            <CardContent>
              <Timeline view={view} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("consentTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ConsentSummary consents={view.consents} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("details")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
                <dt className="text-muted-foreground">{t("configuration")}</dt>
                <dd>{view.config.name}</dd>
                <dt className="text-muted-foreground">{t("duration")}</dt>
                <dd>{t("minutes", { n: view.config.maxDurationMinutes })}</dd>
                <dt className="text-muted-foreground">{t("questions")}</dt>
                <dd>{view.config.questionCount}</dd>
                <dt className="text-muted-foreground">{t("expires")}</dt>
                <dd>{format.dateTime(new Date(view.expiresAt), { dateStyle: "medium", timeStyle: "short" })}</dd>
                <dt className="text-muted-foreground">
                  <Mail className="inline size-3.5" aria-hidden /> {t("email")}
                </dt>
                <dd>{t(`emailStatus.${view.invitation.emailStatus}` as "emailStatus.NONE")}</dd>
              </dl>
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
