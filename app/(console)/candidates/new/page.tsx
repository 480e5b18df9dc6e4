import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CandidateForm } from "@/components/candidates/candidate-form";
import { PageHeader } from "@/components/console/page-header";
import { Card } from "@/components/ui/card";
import { canAct, requireConsole } from "@/lib/console/session";

export async function generateMetadata() {
  return { title: (await getTranslations("candidates"))("newTitle") };
}

export default async function NewCandidatePage() {
  const [{ user }, t] = await Promise.all([requireConsole(), getTranslations("candidates")]);
  return (
    <>
      <Link href="/candidates" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground no-underline hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader title={t("newTitle")} description={t("newSubtitle")} />
      {canAct(user.role) ? <CandidateForm /> : <Card className="p-6 text-sm" role="note">{t("viewerNote")}</Card>}
    </>
  );
}
