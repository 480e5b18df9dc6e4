import { MessagesSquare } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AutoRefresh } from "@/components/console/auto-refresh";
import { PageHeader } from "@/components/console/page-header";
import { InterviewFilters } from "@/components/interviews/interview-filters";
import { InterviewTable } from "@/components/interviews/interview-table";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { interviewStatus } from "@/db/interviews";
import { CONSOLE_PAGE_SIZE, consoleListParams, listConsoleInterviews } from "@/lib/console/interview-list";
import { pickerChoice } from "@/lib/console/pickers";
import { canAct, requireConsole } from "@/lib/console/session";
import { countInterviewsByStatus } from "@/lib/interviews/stats";
import { ListPager, listHref } from "@/components/console/list-pager";
import { CreateLink } from "@/components/console/create-link";

export async function generateMetadata() {
  return { title: (await getTranslations("interviews"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

const hrefWith = (search: Search, patch: Record<string, string | null>) => listHref("/interviews", search, patch);

export default async function InterviewsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [search, { db, ctx, user }] = await Promise.all([searchParams, requireConsole()]);
  const params = consoleListParams.parse(search);
  const [t, tStatus, list, counts, job, campaign] = await Promise.all([
    getTranslations("interviews"),
    getTranslations("status"),
    listConsoleInterviews(db, ctx, params),
    countInterviewsByStatus(db, ctx),
    pickerChoice(db, ctx, "job", params.job),
    pickerChoice(db, ctx, "campaign", params.campaign),
  ]);
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs: { key: string | null; label: string; n: number }[] = [{ key: null, label: t("all"), n: all }, ...interviewStatus.enumValues.map((s) => ({ key: s, label: tStatus(s), n: counts[s] }))];

  return (
    <>
      <AutoRefresh everyMs={15_000} />
      <PageHeader
        title={t("title")}
        description={t(list.totalExact ? "subtitle" : "subtitleAtLeast", { n: list.total })}
        actions={
          canAct(user.role) ? (
            <CreateLink href="/interviews/new" label={t("new")} />
          ) : null
        }
      />
      <nav aria-label={t("statusTabs")} className="mb-4 flex gap-1 overflow-x-auto rounded-lg bg-muted p-1" data-print="hide">
        {tabs.map((tab) => {
          const active = (params.status ?? null) === tab.key;
          return (
            <Link
              key={tab.key ?? "all"}
              href={hrefWith(search, { status: tab.key })}
              aria-current={active ? "page" : undefined}
              data-testid={`tab-${tab.key ?? "ALL"}`}
              className={cn(
                "flex shrink-0 items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground no-underline hover:text-foreground",
                active && "bg-card text-foreground shadow-sm",
              )}
            >
              {tab.label}
              <span className="rounded-full bg-background px-1.5 text-xs tabular-nums">{tab.n}</span>
            </Link>
          );
        })}
      </nav>
      <InterviewFilters job={job} campaign={campaign} />
      {list.rows.length ? (
        <>
          <InterviewTable rows={list.rows} />
          <ListPager page={params.page} total={list.total} pageSize={CONSOLE_PAGE_SIZE} totalExact={list.totalExact} href={(page) => hrefWith(search, { page: String(page) })} />
        </>
      ) : (
        <EmptyState
          icon={MessagesSquare}
          title={all ? t("emptyFiltered") : t("empty")}
          description={all ? t("emptyFilteredBody") : t("emptyBody")}
          action={
            all ? (
              <Button asChild variant="outline">
                <Link href="/interviews">{t("clearFilters")}</Link>
              </Button>
            ) : null
          }
        />
      )}
    </>
  );
}
