// The security headers of every response, pages and API alike (proxy.ts sets them; the
// framework guard, which answers before Next, sets the same). Pure functions of the request's
// path and scheme, so they can be tested without a server.

/** Invitation pages: the URL is the candidate's credential, and the voice interview needs the microphone. */
export const isInvitationPath = (pathname: string) => pathname === "/i" || pathname.startsWith("/i/");

/** The candidate's pages and endpoints (/i/<token>, /api/invite/<token>/…): the token in the URL is a credential. */
export const isCandidatePath = (pathname: string) => isInvitationPath(pathname) || pathname.startsWith("/api/invite/");

export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

const HSTS = "max-age=31536000";

// No page uses these; the microphone is the invitation page's only (its voice interview).
const PERMISSIONS = ["camera=()", "geolocation=()", "payment=()", "usb=()", "display-capture=()"];

/** Headers every response carries, whatever produced it. */
export function baseSecurityHeaders(pathname: string, https: boolean): Record<string, string> {
  const invitation = isInvitationPath(pathname);
  const candidate = isCandidatePath(pathname);
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // The invitation URL must not travel to any other site, not even as an origin.
    "Referrer-Policy": candidate ? "no-referrer" : "strict-origin-when-cross-origin",
    // Nor stay in a shared cache or a browser's disk cache: the answers are the candidate's own.
    ...(candidate ? { "Cache-Control": "no-store" } : {}),
    "Permissions-Policy": [invitation ? "microphone=(self)" : "microphone=()", ...PERMISSIONS].join(", "),
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** API answers are data, never documents: nothing in them may load or run, nor be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A page's policy. Scripts run only with this response's nonce (Next puts it on its own
 * scripts, read from the request's copy of this header); 'strict-dynamic' lets those load the
 * chunks they need. Styles allow 'unsafe-inline' on purpose: React renders style attributes,
 * which a nonce cannot cover, and a style cannot run code. Development adds 'unsafe-eval'
 * (React rebuilds server error stacks with eval).
 */
export function pageCsp(options: { nonce: string; dev: boolean; https: boolean; connect?: string[] }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...(options.connect ?? [])].join(" ")}`,
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (development, tests) it would upgrade the page's own requests and break them.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and new for every page. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Served over https: the request's own scheme, or the one the TLS-terminating proxy in front
 * reports (README: Production). A forged header over plain http only yields an HSTS header
 * that browsers ignore on http.
 */
export function isHttps(protocol: string, forwardedProto: string | null): boolean {
  const forwarded = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : protocol === "https:";
}

/** The LiveKit server's origin, for the invitation page's voice connection (wss:// and https://). */
export function liveKitOrigins(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const u = new URL(url);
    const secure = u.protocol === "wss:" || u.protocol === "https:";
    return [`${secure ? "wss" : "ws"}://${u.host}`, `${secure ? "https" : "http"}://${u.host}`];
  } catch {
    return [];
  }
}
