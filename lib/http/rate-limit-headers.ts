import type { Db } from "@/lib/db/types";
import { hitApiKeyLimit } from "@/lib/rate-limit/api-key";
import { rateLimited } from "@/lib/rate-limit/retry-after";
import type { WindowResult } from "@/lib/rate-limit/window";
import type { RequestMeta } from "./route";

/**
 * `X-RateLimit-Reset` is the Unix time (seconds) at which the window ends, as GitHub sends it;
 * `Retry-After` on a 429 is the number of seconds to wait, as HTTP defines it.
 */
export function rateLimitHeaders(result: WindowResult): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(result.limit),
    "X-RateLimit-Remaining": String(result.remaining),
    "X-RateLimit-Reset": String(Math.ceil(result.resetAt.getTime() / 1000)),
  };
}

/**
 * Counts the request against the key and puts the quota on `meta.headers`, which the route
 * wrapper adds to every response, errors included; over the limit it throws a 429.
 */
export async function enforceApiRateLimit(db: Db, apiKeyId: string, meta: RequestMeta): Promise<void> {
  const result = await hitApiKeyLimit(db, apiKeyId);
  for (const [name, value] of Object.entries(rateLimitHeaders(result))) meta.headers.set(name, value);
  if (result.allowed) return;
  throw rateLimited(result.resetAt, (s) => `This API key may make ${result.limit} requests per minute; try again in ${s} s.`, { limit: result.limit, scope: "api_key" });
}
