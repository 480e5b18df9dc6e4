"use server";

import { cookies, headers } from "next/headers";
import { signOut } from "@/auth";
import { getConsole } from "@/lib/console/session";
import { sessionTokenFromCookies } from "@/lib/console-sessions/cookie";
import { endConsoleSession } from "@/lib/console-sessions/store";
import { getDb } from "@/lib/db/client";
import { isTheme, PREFERENCE_COOKIE_OPTIONS, THEME_COOKIE } from "@/lib/console/preferences";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { setUserLocale } from "@/lib/user-preferences";

/** The user's language: stored on the user and in this browser's cookie. */
export async function chooseLanguage(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  const scope = await getConsole();
  if (scope) await setUserLocale(scope.db, scope.user.id, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, PREFERENCE_COOKIE_OPTIONS);
}

/** Light, dark, or the system's: a per-browser choice. */
export async function chooseTheme(theme: string): Promise<void> {
  if (!isTheme(theme)) return;
  (await cookies()).set(THEME_COOKIE, theme, PREFERENCE_COOKIE_OPTIONS);
}

export async function signOutAction(): Promise<void> {
  // End the session row first: a failure then shows, instead of a sign-out that only cleared
  // this browser's cookie while a copy of it kept working.
  const token = await sessionTokenFromCookies(await headers());
  if (token) await endConsoleSession(await getDb(), { token });
  await signOut({ redirectTo: "/login" });
}
