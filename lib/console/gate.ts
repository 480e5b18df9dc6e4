import { NextResponse, type NextRequest } from "next/server";
import { isConsolePath, loginUrl, PATH_HEADER } from "./paths";

// Auth.js's session cookie, plain or __Secure- over https (chunked values add ".0", ".1").
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Runs in the proxy before console pages: a visitor with no session cookie at all is sent to
 * sign in (with the way back) without rendering anything; otherwise the page itself checks the
 * session. The path travels on as a request header so that check can redirect back here too.
 */
export function consoleGate(req: NextRequest, requestHeaders: Headers): NextResponse | null {
  const { pathname, search } = req.nextUrl;
  if (!isConsolePath(pathname)) return null;
  const target = `${pathname}${search}`;
  const hasSession = req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (!hasSession) return NextResponse.redirect(new URL(loginUrl(target), req.url), 307);
  requestHeaders.set(PATH_HEADER, target);
  return null;
}
