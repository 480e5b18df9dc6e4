import { CredentialsSignin } from "next-auth";
import { errorFields, log } from "../log";
import { SIGN_IN_RATE_LIMITED } from "./sign-in";

/** A sign-in refused by the rate limit; Auth.js puts `code` in the redirect (…&code=rate_limited). */
export class SignInRateLimited extends CredentialsSignin {
  code = SIGN_IN_RATE_LIMITED;
}

/**
 * A refused sign-in (wrong password, rate limit). Matched on the class, or on Auth.js's `type`,
 * which survives minification; the class *name* does not, so `err.name` is never compared.
 */
export function isRefusedSignIn(err: unknown): err is CredentialsSignin {
  return err instanceof CredentialsSignin || (err as { type?: unknown } | null)?.type === "CredentialsSignin";
}

export const isRateLimitedSignIn = (err: unknown): boolean => isRefusedSignIn(err) && err.code === SIGN_IN_RATE_LIMITED;

export const SIGN_IN_UNAVAILABLE = "unavailable";

/** A sign-in that could not be checked: the database is unreachable (…&code=unavailable). */
export class SignInUnavailable extends CredentialsSignin {
  code = SIGN_IN_UNAVAILABLE;
}

export const isUnavailableSignIn = (err: unknown): boolean => isRefusedSignIn(err) && err.code === SIGN_IN_UNAVAILABLE;

/** Auth.js's logger: a refused sign-in is routine (a warning, no stack); anything else is an error. */
export const authLogger = {
  error: (err: Error) =>
    isRefusedSignIn(err) ? log.warn(err.code === SIGN_IN_UNAVAILABLE ? "console sign-in: database unavailable" : "console sign-in refused", { code: err.code }) : log.error("auth error", { type: (err as { type?: string }).type, ...errorFields(err) }),
  warn: (code: string) => log.warn("auth warning", { code }),
  debug: () => {},
};
