import { NextResponse, type NextRequest } from "next/server";
import { notFound } from "@/lib/errors";
import { consoleGate } from "@/lib/console/gate";
import { benchEnabled, isBenchPath } from "@/lib/http/bench";
import { problemResponse } from "@/lib/http/problem";
import { newRequestId, REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { API_CSP, baseSecurityHeaders, isApiPath, isHttps, isInvitationPath, liveKitOrigins, newNonce, pageCsp } from "@/lib/http/security-headers";

/**
 * Runs before every page and route (Next 16's successor of middleware.ts): security headers on
 * every response, a fresh CSP nonce for each page, the console's sign-in gate, and the
 * benchmark's routes closed unless PARLEY_BENCH=1. Requests Next cannot even turn into a
 * NextRequest (TRACE, `%ff` in the path) never get here: lib/http/framework-guard.ts answers those.
 */
export function proxy(request: NextRequest) {
  const { pathname, protocol } = request.nextUrl;
  const https = isHttps(protocol, request.headers.get("x-forwarded-proto"));
  const headers = baseSecurityHeaders(pathname, https);

  if (isApiPath(pathname)) {
    // API routes authenticate themselves; here they only get their headers.
    if (isBenchPath(pathname) && !benchEnabled()) {
      const requestId = newRequestId();
      const response = problemResponse(notFound("Resource"), requestId, new Headers({ ...headers, "Content-Security-Policy": API_CSP }));
      response.headers.set(REQUEST_ID_HEADER, requestId);
      return response;
    }
    return withHeaders(NextResponse.next(), { ...headers, "Content-Security-Policy": API_CSP });
  }

  const requestHeaders = new Headers(request.headers);
  const redirect = consoleGate(request, requestHeaders);
  if (redirect) return withHeaders(redirect, headers);

  const nonce = newNonce();
  const csp = pageCsp({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https,
    connect: isInvitationPath(pathname) ? liveKitOrigins(process.env.LIVEKIT_URL) : [],
  });
  // Next reads the nonce from the request's copy of the policy and puts it on its scripts.
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), { ...headers, "Content-Security-Policy": csp });
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets, which are neither pages nor API answers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
