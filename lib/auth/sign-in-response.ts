import { databaseUnavailable, route } from "../http/route";
import { SIGN_IN_UNAVAILABLE } from "./sign-in-refusals";
import { SIGN_IN_RATE_LIMITED, signInRateLimitedError } from "./sign-in";

/** Where Auth.js sends a refused sign-in: a redirect, or `{ url }` for X-Auth-Return-Redirect. */
async function refusalUrl(res: Response): Promise<string | null> {
  const location = res.headers.get("location");
  if (location) return location;
  if (!res.headers.get("content-type")?.includes("application/json")) return null;
  const body = (await res.clone().json().catch(() => null)) as { url?: unknown } | null;
  return typeof body?.url === "string" ? body.url : null;
}

/**
 * Wraps Auth.js's POST handler: when the credentials callback was refused by the sign-in rate
 * limit (the redirect carries `code=rate_limited`), the client gets a problem+json 429 with
 * Retry-After instead, and when the database could not be reached (`code=unavailable`) a 503
 * with Retry-After, so API clients and scripts see the refusal for what it is.
 */
export function refusedByRateLimit<R extends Request>(handler: (req: R) => Promise<Response>) {
  return route(async (req) => {
    const res = await handler(req as R);
    if (!new URL(req.url).pathname.endsWith("/callback/credentials")) return res;
    const url = await refusalUrl(res);
    const code = url ? new URL(url, req.url).searchParams.get("code") : null;
    if (code === SIGN_IN_RATE_LIMITED) throw signInRateLimitedError();
    if (code === SIGN_IN_UNAVAILABLE) throw databaseUnavailable();
    return res;
  });
}
