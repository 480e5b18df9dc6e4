import { createHash } from "node:crypto";
import { translatorFor } from "@/lib/i18n/messages";
import type { OpenInvitation } from "@/lib/interviews/invitation-link";

export type ConsentNotice = { locale: "en" | "fr"; version: string; sections: { title: string; body: string }[] };

/**
 * The exact notice shown above the consent checkbox, in the interview's language, and its
 * version: the first 16 hex characters of the SHA-256 of the text itself (locale and sections
 * as JSON). Any change of wording, of the organisation's retention or contact, of the job or
 * of the duration is a new version, so a consent record names precisely what was read.
 */
export function consentNotice(view: OpenInvitation): ConsentNotice {
  const t = translatorFor(view.locale, "invitation");
  const organization = view.organizationName;
  const sections = [
    { title: t("notice.whoTitle"), body: t("notice.who", { organization, job: view.jobTitle, minutes: view.maxDurationMinutes }) },
    { title: t("notice.aiTitle"), body: t("notice.ai") },
    { title: t("notice.recordingTitle"), body: t("notice.recording") },
    { title: t("notice.reviewTitle"), body: t("notice.review", { organization }) },
    { title: t("notice.dataTitle"), body: t("notice.data", { organization, days: view.retentionDays }) },
    {
      title: t("notice.alternativeTitle"),
      body: view.accommodationEmail ? t("notice.alternativeContact", { email: view.accommodationEmail }) : t("notice.alternativeNoContact"),
    },
  ];
  return { locale: view.locale, version: noticeVersion(view.locale, sections), sections };
}

export function noticeVersion(locale: string, sections: ConsentNotice["sections"]): string {
  const canonical = JSON.stringify({ locale, sections: sections.map((s) => [s.title, s.body]) });
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}
