import { Users } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CandidateTable } from "@/components/candidates/candidate-table";
import { ListPager, listHref } from "@/components/console/list-pager";
import { ListSearch } from "@/components/console/list-search";
import { PageHeader } from "@/components/console/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CANDIDATE_PAGE_SIZE, candidateListParams, listConsoleCandidates } from "@/lib/console/candidate-list";
import { canAct, requireConsole } from "@/lib/console/session";
import { CreateLink } from "@/components/console/create-link";

export async function generateMetadata() {
  return { title: (await getTranslations("candidates"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [search, { db, ctx, user }] = await Promise.all([searchParams, requireConsole()]);
  const params = candidateListParams.parse(search);
  const [t, list] = await Promise.all([getTranslations("candidates"), listConsoleCandidates(db, ctx, params)]);
  const href = (patch: Record<string, string | null>) => listHref("/candidates", search, patch);
  const newButton = canAct(user.role) ? (
    <CreateLink href="/candidates/new" label={t("new")} />
  ) : null;

  return (
    <>
      <PageHeader title={t("title")} description={t(list.totalExact ? "subtitle" : "subtitleAtLeast", { n: list.total })} actions={newButton} />
      <div className="mb-4">
        <ListSearch id="candidates-q" label={t("search")} placeholder={t("searchPlaceholder")} />
      </div>
      {list.rows.length ? (
        <>
          <CandidateTable rows={list.rows} />
          <ListPager page={params.page} total={list.total} pageSize={CANDIDATE_PAGE_SIZE} totalExact={list.totalExact} href={(page) => href({ page: String(page) })} />
        </>
      ) : (
        <EmptyState
          icon={Users}
          title={params.q ? t("emptySearch") : t("empty")}
          description={params.q ? t("emptySearchBody") : t("emptyBody")}
          action={
            params.q ? (
              <Button asChild variant="outline">
                <Link href={href({ q: null })}>{t("clearSearch")}</Link>
              </Button>
            ) : (
              newButton
            )
          }
        />
      )}
    </>
  );
}
