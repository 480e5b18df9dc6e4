import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { JobForm } from "@/components/jobs/job-form";
import { Card } from "@/components/ui/card";
import { canAct, requireConsole } from "@/lib/console/session";

export async function generateMetadata() {
  return { title: (await getTranslations("jobs"))("newTitle") };
}

export default async function NewJobPage() {
  const [{ user }, t] = await Promise.all([requireConsole(), getTranslations("jobs")]);
  return (
    <>
      <Link href="/jobs" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground no-underline hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader title={t("newTitle")} description={t("newSubtitle")} />
      {canAct(user.role) ? <JobForm /> : <Card className="p-6 text-sm" role="note">{t("viewerNote")}</Card>}
    </>
  );
}
