// The console's pages live at the top level. A signed-out visitor of any of them is sent to
// the sign-in page, and comes back to the same address afterwards.
const CONSOLE_PREFIXES = ["/interviews", "/compare", "/jobs", "/candidates", "/campaigns", "/configurations", "/settings"];

export const isConsolePath = (pathname: string): boolean =>
  pathname === "/" || CONSOLE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

/** The sign-in URL that returns to `target` (a same-site path only: never an open redirect). */
export function loginUrl(target: string | null | undefined): string {
  const back = safeCallback(target);
  return back === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(back)}`;
}

/** A callbackUrl is honoured only when it is a path on this site. */
export function safeCallback(target: string | null | undefined): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return "/";
  return target;
}

/** The header the proxy sets so server components know the address being rendered. */
export const PATH_HEADER = "x-parley-path";
