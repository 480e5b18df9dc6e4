import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { Card } from "@/components/ui/card";
import { interviewStatus } from "@/db/interviews";
import { requireConsole } from "@/lib/console/session";
import { countInterviewsByStatus } from "@/lib/interviews/stats";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const { db, ctx, organization } = await requireConsole();
  const [t, tStatus, counts] = await Promise.all([getTranslations("dashboard"), getTranslations("status"), countInterviewsByStatus(db, ctx)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle", { organization: organization.name })} />
      <section className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("title")}>
        {interviewStatus.enumValues.map((s) => (
          <Card key={s} className="p-4" data-testid={`count-${s}`}>
            <div className="text-xs font-medium text-muted-foreground">{tStatus(s)}</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{counts[s]}</div>
          </Card>
        ))}
      </section>
    </>
  );
}
