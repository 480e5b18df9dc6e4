import { CredentialsSignin } from "next-auth";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger, isRateLimitedSignIn, isUnavailableSignIn, SignInRateLimited, SignInUnavailable } from "@/lib/auth/sign-in-refusals";
import { log } from "@/lib/log";

// A production build minifies class names, so a refused sign-in's `name` is no longer
// "CredentialsSignin" there; it must still be logged as the routine event it is.
const minified = <E extends Error>(err: E): E => Object.defineProperty(err, "name", { value: "t" });

describe("Auth.js logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["a wrong password", () => new CredentialsSignin()],
    ["a wrong password, class renamed by minification", () => minified(new CredentialsSignin())],
    ["a rate-limited sign-in, class renamed by minification", () => minified(new SignInRateLimited())],
    ["a sign-in the unreachable database could not check", () => minified(new SignInUnavailable())],
  ])("%s is a warning without a stack, not an error", (_, make) => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    authLogger.error(make());
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
    expect(JSON.stringify(warn.mock.calls[0])).not.toContain("stack");
  });

  it("any other error is logged as an error with its stack", () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    authLogger.error(new Error("database unreachable"));
    expect(error).toHaveBeenCalledWith("auth error", expect.objectContaining({ error: "database unreachable", stack: expect.any(String) }));
  });

  it("tells a rate-limited refusal from a wrong password (the login page shows each its own message)", () => {
    expect(isRateLimitedSignIn(minified(new SignInRateLimited()))).toBe(true);
    expect(isRateLimitedSignIn(new CredentialsSignin())).toBe(false);
    expect(isRateLimitedSignIn(new Error("rate_limited"))).toBe(false);
  });

  it("tells a sign-in the database could not check from a wrong password", () => {
    expect(isUnavailableSignIn(minified(new SignInUnavailable()))).toBe(true);
    expect(isUnavailableSignIn(new SignInRateLimited())).toBe(false);
    expect(isUnavailableSignIn(new CredentialsSignin())).toBe(false);
  });
});
