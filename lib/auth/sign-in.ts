import { createHash } from "node:crypto";
import type { Db } from "../db/types";
import { env } from "../env";
import { AppError } from "../errors";
import { rateLimited } from "../rate-limit/retry-after";
import { hitWindow } from "../rate-limit/window";
import { verifyCredentials } from "../users";

export const SIGN_IN_RATE_LIMITED = "rate_limited";

// Buckets hold a digest, not the e-mail or address itself: the table is not a log of who tried.
const bucket = (kind: string, value: string) => `sign_in:${kind}:${createHash("sha256").update(value).digest("base64url").slice(0, 27)}`;

/** When the current sign-in window closes: windows are aligned on the clock, as hitWindow's are. */
function signInWindowEnd(now = Date.now()): Date {
  const windowMs = env().SIGN_IN_LIMIT_WINDOW_SECONDS * 1000;
  return new Date(Math.floor(now / windowMs) * windowMs + windowMs);
}

/**
 * Counts one sign-in attempt against the e-mail and against the client's address, in
 * PostgreSQL so every app process shares the counts. Every attempt counts, right or wrong,
 * before the password is checked: parallel guesses cannot slip past the limit.
 */
export async function hitSignInLimits(db: Db, input: { email: string; address: string | null }): Promise<void> {
  const e = env();
  const window = e.SIGN_IN_LIMIT_WINDOW_SECONDS;
  const byEmail = await hitWindow(db, bucket("email", input.email.toLowerCase()), window, e.SIGN_IN_LIMIT_PER_EMAIL);
  const byAddress = input.address ? await hitWindow(db, bucket("ip", input.address), window, e.SIGN_IN_LIMIT_PER_IP) : undefined;
  if (!byEmail.allowed || byAddress?.allowed === false) throw signInRateLimitedError();
}

/** The 429 of a refused sign-in, like every limit's, with Retry-After: the end of the current window. */
export function signInRateLimitedError(): AppError {
  return rateLimited(signInWindowEnd(), (s) => `Too many sign-in attempts; try again in ${s} s.`, { scope: "sign_in" });
}

/** Console sign-in with e-mail and password: the user, null for a mismatch, or a rate_limited AppError. */
export async function signInWithPassword(db: Db, input: { email: string; password: string; address: string | null }) {
  await hitSignInLimits(db, input);
  return verifyCredentials(db, input.email, input.password);
}
