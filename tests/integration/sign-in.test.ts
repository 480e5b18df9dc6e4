import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/context";
import { resetEnvCache } from "@/lib/env";
import { verifyCredentials } from "@/lib/users";
import { useAgentEnv } from "../helpers/agent-env";
import { consoleSignIn, createConsoleUser, TEST_AUTH_SECRET } from "../helpers/console-auth";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";

// Console sign-in through Auth.js's real credentials callback: limited per e-mail and per client
// address in PostgreSQL (429 + Retry-After), and as slow for an unknown e-mail as for a wrong
// password.
const db = setupTestDatabase();
let ctx: Ctx;
const WINDOW = 86_400;
const PER_IP = 6;

beforeAll(async () => {
  useAgentEnv({ AUTH_SECRET: TEST_AUTH_SECRET, SIGN_IN_LIMIT_WINDOW_SECONDS: String(WINDOW), SIGN_IN_LIMIT_PER_IP: String(PER_IP), SIGN_IN_LIMIT_PER_EMAIL: undefined });
  ({ ctx } = await createTestOrg(db.get().db));
});
afterAll(() => {
  for (const k of ["SIGN_IN_LIMIT_WINDOW_SECONDS", "SIGN_IN_LIMIT_PER_IP"]) delete process.env[k];
  resetEnvCache();
});

/** Windows are aligned on the clock: a test that counts attempts must not straddle one. */
beforeEach(async () => {
  const left = WINDOW * 1000 - (Date.now() % (WINDOW * 1000));
  if (left < 60_000) await new Promise((r) => setTimeout(r, left + 50));
});

let nextAddress = 1;
const freshAddress = () => `198.51.100.${nextAddress++}`;

const refusedAsWrong = (r: { status: number; location: string | null }) => r.status === 302 && /\/login\?error=CredentialsSignin&code=credentials$/.test(r.location ?? "");

async function expectRateLimited(r: Awaited<ReturnType<typeof consoleSignIn>>) {
  expect(r.status).toBe(429);
  expect(r.res.headers.get("content-type")).toBe("application/problem+json");
  const retryAfter = Number(r.res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW);
  expect(await r.res.json()).toMatchObject({ status: 429, code: "rate_limited", scope: "sign_in", detail: `Too many sign-in attempts; try again in ${retryAfter} s.`, requestId: expect.stringMatching(/^req_/) });
  expect(r.cookie).toBeNull();
}

describe("console sign-in", () => {
  it("after 10 attempts for one e-mail (from any addresses) the next is a 429 with Retry-After, even with the right password", async () => {
    const user = await createConsoleUser(db.get().db, ctx);
    for (let i = 0; i < 10; i++) expect(refusedAsWrong(await consoleSignIn(user.email, `wrong-${i}`, { address: freshAddress() }))).toBe(true);
    await expectRateLimited(await consoleSignIn(user.email, user.password, { address: freshAddress() }));
    // Another account is not affected by this e-mail's count.
    const other = await createConsoleUser(db.get().db, ctx);
    expect((await consoleSignIn(other.email, other.password, { address: freshAddress() })).cookie).not.toBeNull();
  });

  it("the e-mail is counted case-insensitively", async () => {
    const user = await createConsoleUser(db.get().db, ctx);
    for (let i = 0; i < 10; i++) await consoleSignIn(i % 2 ? user.email.toUpperCase() : user.email, "wrong", { address: freshAddress() });
    await expectRateLimited(await consoleSignIn(user.email, user.password, { address: freshAddress() }));
  });

  it(`after ${PER_IP} attempts from one address (any e-mails) the next is a 429; other addresses still sign in`, async () => {
    const address = freshAddress();
    for (let i = 0; i < PER_IP; i++) expect(refusedAsWrong(await consoleSignIn(`nobody-${i}-${address}@example.com`, "guess", { address }))).toBe(true);
    const user = await createConsoleUser(db.get().db, ctx);
    await expectRateLimited(await consoleSignIn(user.email, user.password, { address }));
    expect((await consoleSignIn(user.email, user.password, { address: freshAddress() })).cookie).not.toBeNull();
  });

  it("an IPv6 client is counted by its /64, so rotating addresses within it does not escape the limit", async () => {
    for (let i = 0; i < PER_IP; i++) await consoleSignIn(`v6-${i}@example.com`, "guess", { address: `2001:db8:aa:bb::${i + 1}` });
    await expectRateLimited(await consoleSignIn("v6-last@example.com", "guess", { address: "2001:db8:aa:bb:ffff::1" }));
  });

  it("an unknown e-mail costs the same scrypt work as a wrong password (its timing reveals nothing)", async () => {
    const user = await createConsoleUser(db.get().db, ctx);
    const time = async (email: string) => {
      const started = performance.now();
      expect(await verifyCredentials(db.get().db, email, "not-the-password")).toBeNull();
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`unknown-${i}@example.com`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
    // Load only ever slows a run down; without the dummy verification the unknown e-mail
    // answers in a database round trip, a small fraction of one scrypt.
    expect(median(unknown)).toBeGreaterThan(0.5 * median(known));
  });
});
