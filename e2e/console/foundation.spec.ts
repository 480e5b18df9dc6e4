import { expect, test } from "@playwright/test";
import { E2E_DATA_DIR } from "../../playwright.config";
import { runCli } from "../support/cli";
import { signInWithForm } from "../support/login";
import { SIGNED_OUT } from "../support/sessions";

// The stored session (playwright.config) for the console's pages, except where signing in is the point.
test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("the app starts on a fresh embedded database: health answers, a signed-out visitor is sent to sign in and back", async ({ page, request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: { reachable: true, kind: "pglite" } });
    expect(health.headers()["request-id"]).toMatch(/^req_/);

    await page.goto("/interviews?status=COMPLETED");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Finterviews%3Fstatus%3DCOMPLETED$/);
    await expect(page.getByRole("heading", { name: "Sign in to Parley" })).toBeVisible();
  });

  test("the sign-in form: a wrong password is refused with a message, the right one opens the console", async ({ page }) => {
    await signInWithForm(page, { email: "demo@parley.localhost", password: "wrong-password" });
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await expect(page).toHaveURL(/\/login\?error=1$/);

    await signInWithForm(page);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("organization-name")).toHaveText("Northwind Robotics");
  });
});

test("the demo organisation seeded on first start sees its interviews", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("organization-name")).toHaveText("Northwind Robotics");
  await expect(page.getByTestId("count-COMPLETED")).toContainText("1");
});

test("a second process on the same embedded folder gets a clear error; the first keeps its data", async ({ page, request }) => {
  const second = runCli(["org", "list"], { PARLEY_DATA_DIR: E2E_DATA_DIR });
  expect(second.code).toBe(1);
  expect(JSON.parse(second.stderr.trim()).error).toMatchObject({ code: "database_locked", message: expect.stringMatching(/in use by process \d+/) });

  expect((await request.get("/api/health")).status()).toBe(200);
  await page.goto("/");
  await expect(page.getByTestId("count-COMPLETED")).toContainText("1");
});
