import http from "node:http";
import { expect, test, type APIResponse } from "@playwright/test";
import { API_BASE_URL, apiKey } from "../support/api";
import { runtimeStarted, watchCsp } from "../support/csp";

// What only a real server shows (issue 12, items 5, 7 and 9): requests Next fails on before any
// route runs, the headers proxy.ts puts on every answer, pages working under their CSP, and the
// benchmark routes closed unless PARLEY_BENCH=1 (this server runs without it).

/** A raw request: TRACE and undecodable paths, exactly as sent, without a client's help. */
function raw(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; json: Record<string, unknown> }>((resolve, reject) => {
    const req = http.request(`${API_BASE_URL}${path}`, { method, headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, json: body ? JSON.parse(body) : {} }));
    });
    req.on("error", reject);
    req.end();
  });
}

function expectProblem(res: Awaited<ReturnType<typeof raw>>, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toContain("application/problem+json");
  expect(res.headers["request-id"]).toMatch(/^req_/);
  expect(res.json).toMatchObject({ status, code, requestId: res.headers["request-id"] });
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
}

const auth = () => ({ Authorization: `Bearer ${apiKey()}` });

test("TRACE (and other methods Next cannot serve) is a 405 problem with a Request-Id", async () => {
  for (const path of ["/api/v1/candidates", "/", "/i/abc"]) expectProblem(await raw("TRACE", path), 405, "method_not_allowed");
  expectProblem(await raw("PROPFIND", "/api/v1/jobs"), 405, "method_not_allowed");
});

test("%ff in a dynamic path segment is a 400 problem naming the path, on API routes and pages", async () => {
  for (const [method, path] of [["GET", "/api/v1/candidates/%ff"], ["POST", "/api/interviews/%ff/turns"], ["GET", "/i/%ff"]] as const) {
    const res = await raw(method, path, auth());
    expectProblem(res, 400, "bad_request");
    expect(res.json.errors).toEqual([expect.objectContaining({ field: "(path)", in: "path" })]);
  }
});

test("the benchmark routes are a 404 problem without PARLEY_BENCH", async ({ request }) => {
  for (const path of ["/api/_bench/ping", "/api/%5Fbench/ping"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    expect(res.headers()["request-id"]).toMatch(/^req_/);
  }
});

function expectApiHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("default-src 'none'");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("microphone=()");
  expect(h["strict-transport-security"]).toBeUndefined();
}

test("security headers on API answers, errors included", async ({ request }) => {
  expectApiHeaders(await request.get("/api/health"));
  expectApiHeaders(await request.get("/api/v1/candidates"));
  const ok = await request.get("/api/v1/candidates", { headers: auth() });
  expect(ok.status()).toBe(200);
  expectApiHeaders(ok);
  const missing = await request.get("/api/v1/candidates/cand_0000000000000000000000", { headers: auth() });
  expect(missing.status()).toBe(404);
  expectApiHeaders(missing);
});

test("HSTS when served over https, as the TLS-terminating proxy in front reports it", async ({ request }) => {
  const res = await request.get("/api/health", { headers: { "X-Forwarded-Proto": "https" } });
  expect(res.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
  const page = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(page.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
  expect(page.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("pages run under a nonce CSP without a single violation; each page gets its own nonce", async ({ page, request }) => {
  const violations = await watchCsp(page);
  const nonces = new Set<string>();
  for (const path of ["/", "/login", "/docs/api", "/no-such-page"]) {
    const res = await page.goto(path);
    const csp = res!.headers()["content-security-policy"]!;
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
    expect(res!.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(res!.headers()["permissions-policy"], path).toContain("microphone=()");
    await runtimeStarted(page);
  }
  expect(nonces.size).toBe(4);
  // The API reference renders the whole OpenAPI document.
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Parley API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /POST \/api\/v1\/interviews/ }).first()).toBeVisible();
  // Client-side navigation loads further chunks under 'strict-dynamic'.
  await page.goto("/docs/api");
  await page.getByRole("link", { name: "Parley" }).first().click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await violations()).toEqual([]);

  const [candidates, jobs] = await Promise.all([request.get("/api/v1/candidates", { headers: auth() }), request.get("/api/v1/jobs", { headers: auth() })]);
  const created = await request.post("/api/v1/interviews", {
    headers: auth(),
    data: { candidateId: (await candidates.json()).data[0].id, jobId: (await jobs.json()).data[0].id, sendInvite: false },
  });
  const res = await page.goto(new URL((await created.json()).invitationUrl).pathname);
  expect(res!.headers()["referrer-policy"]).toBe("no-referrer");
  expect(res!.headers()["permissions-policy"]).toContain("microphone=(self)");
  await runtimeStarted(page);
  expect(await violations()).toEqual([]);
});
