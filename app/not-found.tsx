import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StatusPage } from "@/components/console/status-page";
import { Button } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <StatusPage
      icon={SearchX}
      code="404"
      title={t("notFoundTitle")}
      body={t("notFoundBody")}
      action={
        <Button asChild>
          <Link href="/">{t("notFoundAction")}</Link>
        </Button>
      }
    />
  );
}
