/**
 * Lower case, accents removed, typographic apostrophes made plain, every run of whitespace one
 * space: what the word lists in intents.ts and conduct.ts are matched against, so "Âge",
 * "age" and "AGE" are one word and "j’aimerais" matches "j'aimerais".
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export const wordCount = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0);
