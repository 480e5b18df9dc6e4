import { Briefcase } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ListPager, listHref } from "@/components/console/list-pager";
import { ListSearch } from "@/components/console/list-search";
import { PageHeader } from "@/components/console/page-header";
import { JobTable } from "@/components/jobs/job-table";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { JOB_PAGE_SIZE, jobListParams, listConsoleJobs } from "@/lib/console/job-list";
import { canAct, requireConsole } from "@/lib/console/session";
import { CreateLink } from "@/components/console/create-link";

export async function generateMetadata() {
  return { title: (await getTranslations("jobs"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function JobsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [search, { db, ctx, user }] = await Promise.all([searchParams, requireConsole()]);
  const params = jobListParams.parse(search);
  const [t, list] = await Promise.all([getTranslations("jobs"), listConsoleJobs(db, ctx, params)]);
  const href = (patch: Record<string, string | null>) => listHref("/jobs", search, patch);
  const tabs = [
    { key: "active", label: t("tabActive"), value: null },
    { key: "archived", label: t("tabArchived"), value: "archived" },
  ] as const;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t(list.totalExact ? "subtitle" : "subtitleAtLeast", { n: list.total })}
        actions={
          canAct(user.role) ? (
            <CreateLink href="/jobs/new" label={t("new")} />
          ) : null
        }
      />
      <nav aria-label={t("tabs")} className="mb-4 flex w-fit gap-1 rounded-lg bg-muted p-1" data-print="hide">
        {tabs.map((tab) => {
          const active = params.archived === tab.key;
          return (
            <Link
              key={tab.key}
              href={href({ archived: tab.value })}
              aria-current={active ? "page" : undefined}
              data-testid={`tab-${tab.key}`}
              className={cn("rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground no-underline hover:text-foreground", active && "bg-card text-foreground shadow-sm")}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
      <div className="mb-4">
        <ListSearch id="jobs-q" label={t("search")} placeholder={t("searchPlaceholder")} />
      </div>
      {list.rows.length ? (
        <>
          <JobTable rows={list.rows} />
          <ListPager page={params.page} total={list.total} pageSize={JOB_PAGE_SIZE} totalExact={list.totalExact} href={(page) => href({ page: String(page) })} />
        </>
      ) : (
        <EmptyState
          icon={Briefcase}
          title={params.q ? t("emptySearch") : params.archived === "archived" ? t("emptyArchived") : t("empty")}
          description={params.q ? t("emptySearchBody") : params.archived === "archived" ? t("emptyArchivedBody") : t("emptyBody")}
          action={
            params.q ? (
              <Button asChild variant="outline">
                <Link href={href({ q: null })}>{t("clearSearch")}</Link>
              </Button>
            ) : params.archived === "active" && canAct(user.role) ? (
              <Button asChild>
                <Link href="/jobs/new">{t("new")}</Link>
              </Button>
            ) : null
          }
        />
      )}
    </>
  );
}
