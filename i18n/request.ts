import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";

// No locale in the URL: a console user's language is their choice (cookie, written together
// with the user's stored preference), else the browser's. Candidate pages pass the interview's
// language explicitly (getTranslations({ locale })), which arrives here as `locale`.
export default getRequestConfig(async ({ locale: explicit }) => {
  let locale: Locale;
  if (isLocale(explicit)) locale = explicit;
  else {
    const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
  }
  return { locale, messages: (await import(`../messages/${locale}.json`)).default, timeZone: "UTC" };
});
