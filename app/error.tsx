"use client";

import { DatabaseZap, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/console/status-page";
import { Button } from "@/components/ui/button";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/unavailable";

// A page that failed to render: say so plainly, offer a retry, and give the digest that
// matches the server's log line (never the error's message: it may hold data). A database
// outage has a digest of its own (lib/db/errors.ts) and its own, calmer page. `retry` asks the
// server again; `reset` would only re-render what already failed.
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("errors");
  const tc = useTranslations("common");
  const action = <Button onClick={() => retry()}>{tc("retry")}</Button>;
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) {
    return <StatusPage icon={DatabaseZap} title={t("unavailableTitle")} body={t("unavailableBody")} action={action} />;
  }
  return <StatusPage icon={TriangleAlert} title={t("errorTitle")} body={t("errorBody", { digest: error.digest ?? "—" })} action={action} />;
}
