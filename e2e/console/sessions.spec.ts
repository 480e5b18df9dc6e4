import { expect, test } from "@playwright/test";
import { E2E_SIGN_IN_LIMIT_PER_EMAIL } from "../../playwright.config";
import { signIn, signInWithForm } from "../support/login";
import { SIGNED_OUT } from "../support/sessions";

// Both tests end or exhaust sign-ins: they start signed out and use sessions of their own, never
// the stored one the other specs share.
test.use({ storageState: SIGNED_OUT });

test("signing out ends the session: the old cookie no longer opens the console", async ({ page, context }) => {
  await signIn(page);
  await page.goto("/");
  await expect(page.getByTestId("organization-name")).toHaveText("Northwind Robotics");
  const before = await context.cookies();
  expect(before.some((c) => c.name === "authjs.session-token")).toBe(true);

  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Replay the cookie the browser held before signing out, as a stolen copy would be.
  await context.clearCookies();
  await context.addCookies(before);
  await page.goto("/interviews");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Finterviews$/);
});

test("too many attempts for one e-mail: the auth API answers 429 with Retry-After, the form says so instead of 'do not match'", async ({ page }) => {
  // Its own e-mail per run, so a retry starts with a fresh count.
  const email = `no-such-user-${Date.now()}@parley.localhost`;
  // As a script would: Auth.js's CSRF token, then the credentials callback.
  const attempt = async () => {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    return page.request.post("/api/auth/callback/credentials", { form: { email, password: "guess", csrfToken }, maxRedirects: 0 });
  };
  for (let i = 0; i < E2E_SIGN_IN_LIMIT_PER_EMAIL; i++) {
    const refused = await attempt();
    expect(refused.status()).toBe(302);
    expect(refused.headers()["location"]).toContain("error=CredentialsSignin");
  }
  const limited = await attempt();
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(await limited.json()).toMatchObject({ code: "rate_limited", scope: "sign_in" });

  await signInWithForm(page, { email, password: "guess" });
  // Next's route announcer is an alert too: the form's own is the one with the message.
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toHaveText("Too many attempts. Wait a few minutes, then try again.");
  await expect(page).toHaveURL(/\/login\?error=rate_limited$/);
});
