import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { NewInterviewForm } from "@/components/interviews/new-interview-form";
import { Card } from "@/components/ui/card";
import { newInterviewOptions } from "@/lib/console/new-interview";
import { canAct, requireConsole } from "@/lib/console/session";

export async function generateMetadata() {
  return { title: (await getTranslations("newInterview"))("title") };
}

export default async function NewInterviewPage() {
  const { db, ctx, user } = await requireConsole();
  const t = await getTranslations("newInterview");
  const allowed = canAct(user.role);
  return (
    <>
      <Link href="/interviews" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground no-underline hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {allowed ? <NewInterviewForm options={await newInterviewOptions(db, ctx)} /> : <Card className="p-6 text-sm" role="note">{t("viewerNote")}</Card>}
    </>
  );
}
