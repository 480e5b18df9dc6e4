import { ArrowLeft, Columns3, MessagesSquare } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DetailList } from "@/components/console/detail-list";
import { PageHeader } from "@/components/console/page-header";
import { ArchiveJobButton } from "@/components/jobs/archive-job-button";
import { JobForm } from "@/components/jobs/job-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { getConsoleJob } from "@/lib/console/job-list";
import { canAct, requireConsole } from "@/lib/console/session";
import { AppError } from "@/lib/errors";

// One read per request, shared by the metadata and the page. Another organisation's job, or an
// id that is not one, is the 404 page.
const loadJob = cache(async (id: string) => {
  const { db, ctx } = await requireConsole();
  return getConsoleJob(db, ctx, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const job = await loadJob((await params).id).catch(() => null);
  return { title: job?.title };
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, { user }] = await Promise.all([params, requireConsole()]);
  const [job, t, format] = await Promise.all([loadJob(id), getTranslations("jobs"), getFormatter()]);
  const editable = canAct(user.role);
  return (
    <>
      <Link href="/jobs" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground no-underline hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader
        title={job.title}
        description={job.archivedAt ? t("archivedOn", { date: format.dateTime(new Date(job.archivedAt), { dateStyle: "medium" }) }) : t("createdOn", { date: format.dateTime(new Date(job.createdAt), { dateStyle: "medium" }) })}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href={`/interviews?job=${job.id}`} data-testid="job-interviews-link">
                <MessagesSquare aria-hidden />
                {t("interviewsCount", { n: job.interviews })}
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href={`/compare?job=${job.id}`} data-testid="job-compare-link">
                <Columns3 aria-hidden />
                {t("compare")}
              </Link>
            </Button>
            {editable ? <ArchiveJobButton jobId={job.id} archived={job.archivedAt !== null} /> : null}
          </>
        }
      >
        {job.archivedAt ? (
          <Badge className="mt-2" tone="neutral" data-testid="job-archived">
            {t("archivedBadge")}
          </Badge>
        ) : null}
      </PageHeader>
      {editable ? (
        <JobForm
          key={job.updatedAt}
          jobId={job.id}
          initial={{ title: job.title, location: job.location ?? "", description: job.description ?? "", externalId: job.externalId ?? "" }}
        />
      ) : (
        <DetailList
          label={t("details")}
          items={[
            { term: t("fieldTitle"), value: job.title },
            { term: t("fieldLocation"), value: job.location },
            { term: t("fieldDescription"), value: job.description },
            { term: t("fieldExternalId"), value: job.externalId },
          ]}
        />
      )}
    </>
  );
}
