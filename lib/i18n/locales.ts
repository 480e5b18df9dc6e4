// The languages Parley speaks, everywhere: console, candidate pages and e-mails.
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that carries a signed-in user's chosen language (also stored on the user). */
export const LOCALE_COOKIE = "parley_locale";

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/** A stored or requested language tag ("fr-CA", "FR") to the nearest supported locale. */
export const toLocale = (value: string | null | undefined): Locale => {
  const base = value?.trim().toLowerCase().slice(0, 2);
  return isLocale(base) ? base : DEFAULT_LOCALE;
};

/** The browser's preference: the first Accept-Language entry, by quality, that we speak. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? "1");
      return { base: tag.trim().toLowerCase().slice(0, 2), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((entry) => isLocale(entry.base))?.base as Locale | undefined ?? DEFAULT_LOCALE;
}

/** The browser's IANA time zone, sent once by the console so dates read in local time. */
export const TIME_ZONE_COOKIE = "parley_tz";

export function isTimeZone(value: string | undefined): value is string {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Expiry in the candidate's language, in UTC and saying so: the server cannot know their zone. */
export function formatExpiry(date: Date, locale: Locale): string {
  const formatted = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date);
  return `${formatted} UTC`;
}
