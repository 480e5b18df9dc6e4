/** An ILIKE pattern matching text that contains `q`; `%`, `_` and `\` typed by a user match themselves. */
export const containsPattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
