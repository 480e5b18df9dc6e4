import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { rateLimitBuckets } from "@/db/rate-limits";
import { setDatabase } from "@/lib/db/client";
import { openPostgres } from "@/lib/db/postgres";
import { resetEnvCache } from "@/lib/env";
import { isId } from "@/lib/ids";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { periodicTasks } from "@/lib/background-jobs";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";

const LIMIT = 3;

const show = v1Route(
  {
    scope: "interviews:read",
    resource: "Interview",
    params: z.object({ id: z.string().refine((v) => isId("interview", v)) }),
    query: z.object({ pageSize: z.coerce.number().int().max(100).optional() }),
  },
  async ({ params }) => json({ id: params.id }),
);

const db = setupTestDatabase();
const ID = "int_0123456789abcdefghijkl";
let previousLimit: string | undefined;

beforeAll(() => {
  previousLimit = process.env.API_RATE_LIMIT_PER_MINUTE;
  process.env.API_RATE_LIMIT_PER_MINUTE = String(LIMIT);
  resetEnvCache();
});
afterAll(() => {
  if (previousLimit === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = previousLimit;
  resetEnvCache();
});

/** A fresh key for each test: its own bucket. */
async function freshKey(scopes?: Parameters<typeof createTestKey>[2]) {
  const { ctx } = await createTestOrg(db.get().db);
  return createTestKey(db.get().db, ctx, scopes);
}

/** Windows are clock minutes: a test that counts hits must not straddle one. */
async function startOfWindow() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((r) => setTimeout(r, left + 50));
}

const get = (authorization: string, { id = ID, query = "" } = {}) =>
  call(show, { path: `/api/v1/interviews/${id}${query}`, params: { id }, headers: { authorization } });

const quota = (res: { headers: Headers }) => ({
  limit: res.headers.get("x-ratelimit-limit"),
  remaining: res.headers.get("x-ratelimit-remaining"),
  reset: res.headers.get("x-ratelimit-reset"),
});

describe("API rate limit", () => {
  it("reports the quota on a successful response; Reset is the window's end in Unix seconds", async () => {
    await startOfWindow();
    const key = await freshKey();
    const res = await get(key.authorization);
    expect(res.status).toBe(200);
    const { limit, remaining, reset } = quota(res);
    expect(limit).toBe(String(LIMIT));
    expect(remaining).toBe(String(LIMIT - 1));
    const nextMinute = Math.ceil(Date.now() / 60_000) * 60;
    expect(Number(reset)).toBe(nextMinute);
  });

  it("reports the quota on error responses too, and errors count against it", async () => {
    await startOfWindow();
    const key = await freshKey(["candidates:read"]);
    const forbidden = await get(key.authorization);
    expect(forbidden.status).toBe(403);
    expect(quota(forbidden)).toMatchObject({ limit: String(LIMIT), remaining: String(LIMIT - 1) });

    const full = await freshKey();
    const invalid = await get(full.authorization, { query: "?pageSize=1000" });
    expect(invalid.status).toBe(422);
    expect(quota(invalid).remaining).toBe(String(LIMIT - 1));
    const missing = await get(full.authorization, { id: "nope" });
    expect(missing.status).toBe(404);
    expect(quota(missing).remaining).toBe(String(LIMIT - 2));
    expect(Number(quota(missing).reset)).toBeGreaterThan(Date.now() / 1000);
  });

  it("answers 429 with Retry-After once the key is over its limit; other keys are unaffected", async () => {
    await startOfWindow();
    const key = await freshKey();
    for (let i = 0; i < LIMIT; i++) expect((await get(key.authorization)).status).toBe(200);
    const over = await get(key.authorization);
    expect(over.status).toBe(429);
    expect(over.headers.get("content-type")).toBe("application/problem+json");
    expect(over.json).toMatchObject({ code: "rate_limited", status: 429, limit: LIMIT });
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(quota(over)).toMatchObject({ limit: String(LIMIT), remaining: "0" });
    // Retry-After points at the same instant as Reset.
    expect(Math.abs(Number(quota(over).reset) - (Date.now() / 1000 + retryAfter))).toBeLessThanOrEqual(1.5);

    expect((await get((await freshKey()).authorization)).status).toBe(200);
  });

  it("sends no quota headers when there is no valid key: there is no quota to describe", async () => {
    const res = await get("Bearer parley_" + "A".repeat(36));
    expect(res.status).toBe(401);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("shares the count between app processes: it lives in the database, not in memory", async () => {
    await startOfWindow();
    const key = await freshKey();
    // On PostgreSQL a second connection pool to the same database stands in for a second
    // process; the embedded database admits a single process, so there it is the same handle.
    const url = db.url();
    const other = url ? openPostgres(url, { max: 2 }) : db.get();
    try {
      expect((await get(key.authorization)).status).toBe(200);
      setDatabase(other);
      expect(quota(await get(key.authorization)).remaining).toBe(String(LIMIT - 2));
      expect((await get(key.authorization)).status).toBe(200);
      setDatabase(db.get());
      const over = await get(key.authorization);
      expect(over.status).toBe(429);
    } finally {
      setDatabase(db.get());
      if (other !== db.get()) await other.close();
    }
    const [row] = await db.get().db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.bucket, `api_key:${key.id}`));
    expect(row?.count).toBe(LIMIT + 1);
  });

  it("the periodic sweep deletes windows that ended more than a day ago", async () => {
    const bucket = "api_key:sweep-test";
    const d = db.get().db;
    await d.insert(rateLimitBuckets).values([
      { bucket, windowStart: new Date(Date.now() - 2 * 86_400_000), count: 5 },
      { bucket, windowStart: new Date(Math.floor(Date.now() / 60_000) * 60_000), count: 1 },
    ]);
    const sweep = periodicTasks.find((t) => t.name === "rate-limit-windows.sweep");
    await sweep!.run(d);
    const left = await d.select({ count: rateLimitBuckets.count }).from(rateLimitBuckets).where(eq(rateLimitBuckets.bucket, bucket));
    expect(left).toEqual([{ count: 1 }]);
  });
});
