"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ConsentOut } from "@/lib/api/schemas/interviews";

/** The candidate's consents, one line each: when, for which mode, and the notice they read. */
export function ConsentSummary({ consents }: { consents: ConsentOut[] }) {
  const t = useTranslations("interview");
  const format = useFormatter();
  if (!consents.length) return <p className="text-sm text-muted-foreground">{t("consentNone")}</p>;
  return (
    <ul className="grid gap-1.5 text-sm" data-testid="consents">
      {consents.map((c) => (
        <li key={c.id} className="flex flex-wrap items-baseline gap-x-2">
          <time dateTime={c.createdAt}>{format.dateTime(new Date(c.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
          <span>{t(`consentMode.${c.mode}`)}</span>
          <span className="font-mono text-xs text-muted-foreground">{t("consentNotice", { version: c.noticeVersion, locale: c.locale })}</span>
        </li>
      ))}
    </ul>
  );
}
