import { ArrowLeft, MessagesSquare } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CandidateForm } from "@/components/candidates/candidate-form";
import { DetailList } from "@/components/console/detail-list";
import { PageHeader } from "@/components/console/page-header";
import { InterviewTable } from "@/components/interviews/interview-table";
import { EmptyState } from "@/components/ui/empty-state";
import { getCandidateView } from "@/lib/console/candidate-list";
import { canAct, requireConsole } from "@/lib/console/session";
import { AppError } from "@/lib/errors";
import { CreateLink } from "@/components/console/create-link";

// One read per request, shared by the metadata and the page. Another organisation's candidate,
// or an id that is not one, is the 404 page.
const loadView = cache(async (id: string) => {
  const { db, ctx } = await requireConsole();
  return getCandidateView(db, ctx, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const view = await loadView((await params).id).catch(() => null);
  return { title: view ? `${view.candidate.firstName} ${view.candidate.lastName}` : undefined };
}

export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, { user }] = await Promise.all([params, requireConsole()]);
  const [{ candidate, interviews }, t] = await Promise.all([loadView(id), getTranslations("candidates")]);
  const editable = canAct(user.role);
  return (
    <>
      <Link href="/candidates" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground no-underline hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader
        title={`${candidate.firstName} ${candidate.lastName}`}
        description={candidate.email}
        actions={
          editable ? (
            <CreateLink href="/interviews/new" label={t("newInterview")} />
          ) : null
        }
      />
      <section aria-labelledby="candidate-interviews" className="mb-8">
        <h2 id="candidate-interviews" className="mb-3 text-lg font-semibold">
          {t("interviewsTitle", { n: interviews.length })}
        </h2>
        {interviews.length ? <InterviewTable rows={interviews} /> : <EmptyState icon={MessagesSquare} title={t("noInterviews")} description={t("noInterviewsBody")} />}
      </section>
      <section aria-labelledby="candidate-details">
        <h2 id="candidate-details" className="mb-3 text-lg font-semibold">
          {t("details")}
        </h2>
        {editable ? (
          <CandidateForm
            key={candidate.updatedAt}
            candidateId={candidate.id}
            initial={{
              firstName: candidate.firstName,
              lastName: candidate.lastName,
              email: candidate.email,
              phone: candidate.phone ?? "",
              locale: candidate.locale,
              externalId: candidate.externalId ?? "",
            }}
          />
        ) : (
          <DetailList
            label={t("details")}
            items={[
              { term: t("firstName"), value: candidate.firstName },
              { term: t("lastName"), value: candidate.lastName },
              { term: t("email"), value: candidate.email },
              { term: t("phone"), value: candidate.phone },
              { term: t("language"), value: candidate.locale },
              { term: t("externalId"), value: candidate.externalId },
            ]}
          />
        )}
      </section>
    </>
  );
}
