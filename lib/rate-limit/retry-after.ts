import { AppError } from "../errors";

/** Seconds until the window resets, at least 1: the `Retry-After` of every 429. */
export const retryAfterSeconds = (resetAt: Date, now = Date.now()): number => Math.max(1, Math.ceil((resetAt.getTime() - now) / 1000));

/** The 429 every limit answers with: its message states the wait, `Retry-After` carries it. */
export function rateLimited(resetAt: Date, detail: (seconds: number) => string, extra: Record<string, unknown>): AppError {
  const seconds = retryAfterSeconds(resetAt);
  return new AppError("rate_limited", detail(seconds), { headers: { "Retry-After": String(seconds) }, extra });
}
