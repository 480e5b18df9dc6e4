import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { isLocale, isTimeZone, LOCALE_COOKIE, negotiateLocale, TIME_ZONE_COOKIE, type Locale } from "@/lib/i18n/locales";

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
  // Dates render in the browser's time zone once it has told us (TimeZoneCookie); UTC before.
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return { locale, messages: (await import(`../messages/${locale}.json`)).default, timeZone: isTimeZone(zone) ? zone : "UTC" };
});
