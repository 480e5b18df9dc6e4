import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { generateApiKey } from "@/lib/auth/api-key-format";
import { API_PORT } from "../support/api";
import { runtimeStarted, watchCsp } from "../support/csp";

// An app whose PostgreSQL is gone (nothing listens on port 1): API routes answer 503 with
// Retry-After and the problem body (issue 12, item 6; tests/integration/database-outage.test.ts
// covers every kind of route on both drivers), and pages show the outage page (app/error.tsx).

const PORT = Number(process.env.E2E_OUTAGE_PORT ?? API_PORT + 2);
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;

test.beforeAll(async () => {
  server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: "postgres://parley@127.0.0.1:1/parley",
      AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
      PARLEY_WORKER: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "silent",
      APP_URL: BASE,
    },
    stdio: "ignore",
  });
  // The sign-in page needs no database: it answers as soon as the server listens.
  await expect(async () => expect((await fetch(`${BASE}/login`)).status).toBe(200)).toPass({ timeout: 90_000 });
});
test.afterAll(() => {
  server?.kill();
});

test("the API answers 503 with Retry-After and a problem", async ({ request }) => {
  const res = await request.get(`${BASE}/api/v1/jobs`, { headers: { Authorization: "Bearer parley_000000000000000000000000000000000000" } });
  // A malformed key is refused before any query; a well-formed one needs the database.
  expect(res.status()).toBe(401);
  const well = await request.get(`${BASE}/api/v1/jobs`, { headers: { Authorization: `Bearer ${generateApiKey()}` } });
  expect(well.status()).toBe(503);
  expect(well.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(well.headers()["content-type"]).toContain("application/problem+json");
  expect(await well.json()).toMatchObject({ status: 503, code: "service_unavailable", requestId: well.headers()["request-id"] });
  expect((await request.get(`${BASE}/api/health`)).status()).toBe(503);
});

test("a page that needs the database says it is unavailable for a moment, under its CSP", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`${BASE}/i/${"a".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "Parley is unavailable for a moment" })).toBeVisible();
  await expect(page.getByText("The database cannot be reached")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await runtimeStarted(page);
  expect(await violations()).toEqual([]);
});

test("sign-in during the outage: the auth API answers 503 with Retry-After, the form says to try again, not that the password is wrong", async ({ page, request }) => {
  const csrf = await request.get(`${BASE}/api/auth/csrf`);
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post(`${BASE}/api/auth/callback/credentials`, {
    form: { email: "demo@parley.localhost", password: "parley-demo", csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(503);
  expect(res.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(await res.json()).toMatchObject({ status: 503, code: "service_unavailable" });

  await page.goto(`${BASE}/login`);
  await page.getByLabel("E-mail").fill("demo@parley.localhost");
  await page.getByLabel("Password").fill("parley-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\?error=unavailable$/);
  await expect(page.getByRole("alert").filter({ hasText: "cannot check your password right now" })).toBeVisible();
});
