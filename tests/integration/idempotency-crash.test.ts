import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbedded } from "@/lib/db/pglite";
import type { Db } from "@/lib/db/types";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { insertCandidate, insertJob } from "../helpers/interview-fixtures";
import { runTs } from "../helpers/spawn";

// A process killed with SIGKILL at each point of an idempotent POST, then the client's retry
// after the lease ends: whatever the point, one interview and one invitation e-mail. Real
// processes on DATABASE_URL (PostgreSQL runs) or an embedded folder of their own (PGlite runs,
// opened by one process at a time, as in production).
const testDb = setupTestDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-idem-crash-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const POINTS = ["idempotency.claimed", "idempotency.handled", "idempotency.stored"] as const;

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  if (testDb.url()) return fn(testDb.get().db);
  const embedded = await openEmbedded(dataDir);
  try {
    return await fn(embedded.db);
  } finally {
    await embedded.close();
  }
}

const childEnv = () => ({
  ...(testDb.url() ? { DATABASE_URL: testDb.url()!, DATABASE_POOL_MAX: "2" } : { DATABASE_URL: "", PARLEY_DATA_DIR: dataDir }),
  AUTH_SECRET: "idempotency-crash-test-secret-0123456789",
  PARLEY_WORKER: "off",
});
const post = (authorization: string, key: string, body: unknown, env: Record<string, string> = {}, ...flags: string[]) =>
  runTs("tests/helpers/idempotent-post-child.ts", [authorization, key, JSON.stringify(body), ...flags], { ...childEnv(), ...env });

let authorization: string;
const bodies = new Map<string, { candidateId: string; jobId: string }>();

beforeAll(async () => {
  await withDb(async (db) => {
    const { ctx } = await createTestOrg(db);
    authorization = (await createTestKey(db, ctx, ["interviews:write"])).authorization;
    const jobId = await insertJob(db, ctx);
    for (const point of POINTS) bodies.set(point, { candidateId: await insertCandidate(db, ctx), jobId });
  });
}, 120_000);

describe("POST /api/v1/interviews with an Idempotency-Key, process killed mid-request", () => {
  it.each(POINTS)("killed at %s: the retry leaves exactly one interview and one e-mail", { timeout: 180_000 }, async (point) => {
    const body = bodies.get(point)!;
    const key = `crash-${point}`;
    const killed = await post(authorization, key, body, { PARLEY_CRASH_AT: point });
    expect(killed.signal, killed.stderr).toBe("SIGKILL");

    const retry = await post(authorization, key, body, {}, "--lapse-leases");
    expect(retry.code, retry.stderr).toBe(0);
    const answer = JSON.parse(retry.stdout) as { status: number; replayed: boolean; body: { id: string }; made: unknown };
    expect(answer.status).toBe(201);
    // Answered and committed before the kill: the retry is a replay; otherwise it runs.
    expect(answer.replayed).toBe(point === "idempotency.stored");
    expect(answer.made).toEqual({ interviews: [answer.body.id], emails: 1 });
  });
});
