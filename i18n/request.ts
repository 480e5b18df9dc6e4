import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getConsole } from "@/lib/console/session";
import { isLocale, isTimeZone, LOCALE_COOKIE, negotiateLocale, TIME_ZONE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { getUserLocale } from "@/lib/user-preferences";

/**
 * The language a signed-in user chose in another browser (this one has no cookie yet). Never
 * fails the render: the error and outage pages are translated through here too.
 */
async function storedLocale(): Promise<Locale | null> {
  try {
    const scope = await getConsole();
    return scope ? await getUserLocale(scope.db, scope.user.id) : null;
  } catch {
    return null;
  }
}

// No locale in the URL: a console user's language is their choice (this browser's cookie, else
// the one stored on the user, written together), else the browser's. Candidate pages pass the interview's
// language explicitly (getTranslations({ locale })), which arrives here as `locale`.
export default getRequestConfig(async ({ locale: explicit }) => {
  let locale: Locale;
  if (isLocale(explicit)) locale = explicit;
  else {
    const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
    const stored = isLocale(chosen) ? null : await storedLocale();
    locale = isLocale(chosen) ? chosen : isLocale(stored) ? stored : negotiateLocale((await headers()).get("accept-language"));
  }
  // Dates render in the browser's time zone once it has told us (TimeZoneCookie); UTC before.
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return { locale, messages: (await import(`../messages/${locale}.json`)).default, timeZone: isTimeZone(zone) ? zone : "UTC" };
});
