"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/console/status-page";
import { Button } from "@/components/ui/button";

// A page that failed to render: say so plainly, offer a retry, and give the digest that
// matches the server's log line (never the error's message: it may hold data).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const tc = useTranslations("common");
  return (
    <StatusPage
      icon={TriangleAlert}
      title={t("errorTitle")}
      body={t("errorBody", { digest: error.digest ?? "—" })}
      action={<Button onClick={reset}>{tc("retry")}</Button>}
    />
  );
}
