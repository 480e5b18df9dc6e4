import { expect, type Page } from "@playwright/test";

export const DEMO = { email: "demo@parley.localhost", password: "parley-demo" };

/**
 * Signs in through the auth API, over HTTP only (documenso's approach): Auth.js's CSRF token,
 * then its credentials callback, in the page's context so the browser gets the session cookie.
 * Faster than the form and blind to how the form or the server is built; the form itself is
 * covered by its own test (signInWithForm).
 */
export async function signIn(page: Page, credentials = DEMO) {
  const request = page.context().request;
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status(), "GET /api/auth/csrf").toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await request.post("/api/auth/callback/credentials", {
    form: { email: credentials.email, password: credentials.password, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  // Auth.js answers with a redirect either way; the session says whether it worked.
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email, `sign-in of ${credentials.email} (callback answered ${callback.status()})`).toBe(credentials.email);
}

/** The sign-in form, as a person uses it. */
export async function signInWithForm(page: Page, credentials = DEMO) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
