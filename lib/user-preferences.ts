import { eq } from "drizzle-orm";
import { users } from "@/db/users";
import type { Db } from "./db/types";
import type { Locale } from "./i18n/locales";

/** Stores the console language a user chose, so it follows them to any browser they sign in from. */
export async function setUserLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function getUserLocale(db: Db, userId: string): Promise<Locale | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return (row?.locale as Locale | null | undefined) ?? null;
}
