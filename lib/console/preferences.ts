// The console's per-browser display choices, kept in cookies so the server renders them at once.
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "parley_theme";
export const isTheme = (value: unknown): value is Theme => typeof value === "string" && (THEMES as readonly string[]).includes(value);

/** The class on <html>: none for "system", so the tokens follow prefers-color-scheme. */
export const themeClass = (theme: string | undefined): string | undefined => (theme === "light" || theme === "dark" ? theme : undefined);

export const PREFERENCE_COOKIE_OPTIONS = { path: "/", sameSite: "lax" as const, maxAge: 365 * 24 * 3600, httpOnly: true };
