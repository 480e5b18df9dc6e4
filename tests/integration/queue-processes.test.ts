import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backgroundJobs } from "@/db/background-jobs";
import { rowsOf } from "@/lib/db/types";
import { enqueueJob } from "@/lib/queue/enqueue";
import { migratedDataFolder, setupTestDatabase, testDbKind } from "../helpers/db";

// The queue across real processes on PostgreSQL (PGlite admits one process): workers that
// share the work without running a job twice, a worker killed mid-job, `npm run worker`.
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const testDb = setupTestDatabase();
const db = () => testDb.get().db;
const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a TypeScript entry point and resolves with its first stdout line. */
function start(script: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  // "close": the output has been read to its end too.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => stdout.includes("\n") && resolve(stdout.split("\n")[0]!));
    void exited.then((code) => reject(new Error(`child exited ${code}: ${stderr}`)));
  });
  firstLine.catch(() => {}); // a child that exits at once is awaited through `exited`
  return { child, firstLine, exited, output: () => ({ stdout, stderr }) };
}
const startWorkerChild = (leaseMs: number, concurrency: number) =>
  start("tests/helpers/worker-child.ts", [testDb.url()!, String(leaseMs), String(concurrency)]);

async function until(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(50);
  }
}
const runs = async () =>
  rowsOf<{ job_id: string; pid: number; attempt: number }>(await db().execute(sql`select job_id, pid, attempt from queue_test_runs order by at`));
const statusOf = async (kind: string) =>
  db().select({ status: backgroundJobs.status, n: sql<number>`count(*)::int` }).from(backgroundJobs).where(eq(backgroundJobs.kind, kind)).groupBy(backgroundJobs.status);

describe.skipIf(testDbKind() !== "postgres")("queue across processes", () => {
  beforeAll(async () => {
    await db().execute(sql`create table queue_test_runs (job_id text not null, pid int not null, attempt int not null, at timestamptz not null default clock_timestamp())`);
  });
  afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

  it("two worker processes share 200 jobs and none runs twice", { timeout: 60_000 }, async () => {
    const a = startWorkerChild(30_000, 4);
    const b = startWorkerChild(30_000, 4);
    const pids = [JSON.parse(await a.firstLine).pid, JSON.parse(await b.firstLine).pid];
    await db().transaction(async (tx) => {
      for (let i = 0; i < 200; i++) await enqueueJob(tx, { kind: "test.record", payload: { i } });
    });
    await until(async () => (await statusOf("test.record")).some((s) => s.status === "SUCCEEDED" && s.n === 200), 45_000);

    const all = await runs();
    expect(all).toHaveLength(200);
    expect(new Set(all.map((r) => r.job_id)).size).toBe(200);
    expect(all.every((r) => r.attempt === 1)).toBe(true);
    // Both took part (each was woken by the same NOTIFY).
    for (const pid of pids) expect(all.some((r) => r.pid === pid)).toBe(true);

    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
  });

  it("a job whose process is killed mid-run stays RUNNING, and another worker finishes it after the lease", { timeout: 60_000 }, async () => {
    const leaseMs = 1500;
    const doomed = startWorkerChild(leaseMs, 1);
    const doomedPid = JSON.parse(await doomed.firstLine).pid;
    const { id } = await enqueueJob(db(), { kind: "test.hang", payload: {} });
    await until(async () => (await runs()).some((r) => r.job_id === id), 20_000);

    doomed.child.kill("SIGKILL");
    await doomed.exited;
    const [left] = await db().select().from(backgroundJobs).where(eq(backgroundJobs.id, id));
    expect(left).toMatchObject({ status: "RUNNING", attempts: 1, lockedBy: expect.stringContaining(`:${doomedPid}:`) });

    const rescuer = startWorkerChild(leaseMs, 1);
    const rescuerPid = JSON.parse(await rescuer.firstLine).pid;
    await until(async () => (await db().select().from(backgroundJobs).where(eq(backgroundJobs.id, id)))[0]!.status === "SUCCEEDED", 20_000);
    const [done] = await db().select().from(backgroundJobs).where(eq(backgroundJobs.id, id));
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 2, lockedBy: null });
    // The killed attempt, then the rescuer's: nobody ran it in between.
    const mine = (await runs()).filter((r) => r.job_id === id);
    expect(mine.map((r) => [r.pid, r.attempt])).toEqual([
      [doomedPid, 1],
      [rescuerPid, 2],
    ]);
    rescuer.child.kill("SIGTERM");
    expect(await rescuer.exited).toBe(0);
  });

  it("`npm run worker` runs jobs, logs JSON lines and exits cleanly on SIGTERM", { timeout: 60_000 }, async () => {
    const worker = start("cli/worker.ts", [], { DATABASE_URL: testDb.url()!, LOG_LEVEL: "info", PARLEY_WORKER: "off" });
    expect(JSON.parse(await worker.firstLine)).toMatchObject({ level: "info", message: "worker started" });
    // No handler for this kind in the real registry: the worker fails it, clearly, at once.
    const { id } = await enqueueJob(db(), { kind: "test.not-registered", payload: {} });
    await until(async () => (await db().select().from(backgroundJobs).where(eq(backgroundJobs.id, id)))[0]!.status === "FAILED", 20_000);
    const [failed] = await db().select().from(backgroundJobs).where(eq(backgroundJobs.id, id));
    expect(failed!.lastError).toContain('Unknown job kind "test.not-registered"');

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    const lines = worker.output().stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.message)).toEqual(expect.arrayContaining(["worker started", "worker received a stop signal", "worker stopped"]));
  });
});

describe("npm run worker on the embedded database", () => {
  // Two child processes (node, tsx, PGlite each): the timeout is there for a hang only.
  it("refuses, naming the app's process, while the app holds the database", { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-worker-"));
    try {
      await migratedDataFolder(dir);
      const app = start("tests/helpers/hold-embedded.ts", [dir]);
      const { pid } = JSON.parse(await app.firstLine);
      const worker = start("cli/worker.ts", [], { DATABASE_URL: "", PARLEY_DATA_DIR: dir, LOG_LEVEL: "info" });
      expect(await worker.exited).toBe(1);
      const line = JSON.parse(worker.output().stderr.trim().split("\n").pop()!);
      expect(line).toMatchObject({ level: "error", message: expect.stringContaining("use DATABASE_URL") });
      expect(line.error).toContain(`in use by process ${pid}`);
      app.child.kill("SIGKILL");
      await app.exited;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
