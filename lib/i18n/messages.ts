import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./locales";

export const MESSAGES = { en, fr } as const;

/**
 * A translator for an explicit locale, usable anywhere (pages, e-mails, tests): the candidate's
 * pages speak the interview's language whatever the visitor's browser or cookie says.
 */
export const translatorFor = <N extends keyof typeof en>(locale: Locale, namespace: N) =>
  createTranslator({ locale, messages: MESSAGES[locale] as typeof en, namespace });
