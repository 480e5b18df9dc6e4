import type { Page } from "@playwright/test";

export const DEMO = { email: "demo@parley.localhost", password: "parley-demo" };

export async function signIn(page: Page, credentials = DEMO) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
