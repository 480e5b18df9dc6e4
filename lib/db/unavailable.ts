/**
 * The digest a page's error carries when the database could not be reached (Next keeps a
 * digest the error already has): app/error.tsx tells an outage from other failures by it,
 * since in production nothing else about a server error reaches the browser.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "PARLEY_DATABASE_UNAVAILABLE";

// Connection failures of postgres.js (its own codes and Node's socket errors), PostgreSQL's
// "connection exception" class and shutdown states, and a closed PGlite.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE",
  "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT",
  "57P01", "57P02", "57P03", "53300",
]);

/** True when the error means "the database cannot be reached now", not "this query is wrong". */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && /^PGlite is clos(ed|ing)$/.test(message)) return true;
    // AggregateError (several addresses refused, e.g. ::1 and 127.0.0.1).
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}
