import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { backgroundJobs } from "@/db/background-jobs";
import { claimJobs } from "@/lib/queue/claim";
import { deleteFinishedJobs } from "@/lib/queue/cleanup";
import { drainQueue } from "@/lib/queue/drain";
import { enqueueJob } from "@/lib/queue/enqueue";
import { completeJob, failJob, retryDelayMs } from "@/lib/queue/finish";
import { enqueuePeriodicJobs, periodicSlot } from "@/lib/queue/periodic";
import { type JobHandler, PermanentJobError } from "@/lib/queue/types";
import { startWorker } from "@/lib/queue/worker";
import { setupTestDatabase } from "../helpers/db";

// The queue on a real database (PGlite or PostgreSQL). Each test uses job kinds of its own;
// drains are limited to them, and a started worker fails another test's leftovers as unknown
// kinds, which no assertion depends on.
const testDb = setupTestDatabase();
const db = () => testDb.get().db;
const jobRow = async (id: string) => (await db().select().from(backgroundJobs).where(eq(backgroundJobs.id, id)))[0]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(20);
  }
}
const secondsUntil = (d: Date) => (d.getTime() - Date.now()) / 1000;

describe("running jobs", () => {
  it("runs a job once and marks it SUCCEEDED", async () => {
    const seen: unknown[] = [];
    const { id } = await enqueueJob(db(), { kind: "t1.ok", payload: { n: 1 } });
    const outcomes = await drainQueue(db(), { kinds: ["t1.ok"], handlers: { "t1.ok": async (_db, job) => void seen.push(job) } });
    expect(outcomes).toEqual([{ id, kind: "t1.ok", attempt: 1, outcome: "succeeded" }]);
    expect(seen).toEqual([expect.objectContaining({ id, kind: "t1.ok", payload: { n: 1 }, attempt: 1, maxAttempts: 8 })]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, lockedBy: null, lockedUntil: null });
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(await drainQueue(db(), { kinds: ["t1.ok"], handlers: { "t1.ok": async () => void seen.push("again") } })).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it("retries a throwing handler with growing, jittered backoff, then leaves it FAILED with the error", async () => {
    const { id } = await enqueueJob(db(), { kind: "t2.flaky", payload: {}, maxAttempts: 3 });
    const handlers: Record<string, JobHandler> = {
      "t2.flaky": async (_db, job) => {
        throw new Error(`provider down (attempt ${job.attempt})`);
      },
    };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [outcome] = await drainQueue(db(), { kinds: ["t2.flaky"], handlers });
      expect(outcome).toMatchObject({ id, attempt, outcome: attempt < 3 ? "retry" : "failed" });
      const row = await jobRow(id);
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toContain(`provider down (attempt ${attempt})`);
      if (attempt < 3) {
        expect(row.status).toBe("QUEUED");
        delays.push(secondsUntil(row.runAt));
        // Not due yet: a drain leaves it alone. Then pretend the delay has passed.
        expect(await drainQueue(db(), { kinds: ["t2.flaky"], handlers })).toEqual([]);
        await db().update(backgroundJobs).set({ runAt: sql`now()` }).where(eq(backgroundJobs.id, id));
      }
    }
    // Attempt 1 waits 5–10 s, attempt 2 waits 10–20 s (half to all of 10 s · 2^(n-1)).
    expect(delays[0]).toBeGreaterThan(4);
    expect(delays[0]).toBeLessThanOrEqual(10.5);
    expect(delays[1]).toBeGreaterThan(9);
    expect(delays[1]).toBeLessThanOrEqual(20.5);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, maxAttempts: 3, lockedBy: null });
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(row.lastError).toMatch(/^Error: provider down \(attempt 3\)/);
  });

  it("backoff doubles per attempt within its jitter, and is capped at an hour", () => {
    expect(retryDelayMs(1, () => 0)).toBe(5_000);
    expect(retryDelayMs(1, () => 1)).toBe(10_000);
    expect(retryDelayMs(4, () => 0)).toBe(40_000);
    expect(retryDelayMs(4, () => 1)).toBe(80_000);
    expect(retryDelayMs(30, () => 1)).toBe(3_600_000);
  });

  it("fails at once on a PermanentJobError", async () => {
    const { id } = await enqueueJob(db(), { kind: "t3.bad", payload: {} });
    const [outcome] = await drainQueue(db(), {
      kinds: ["t3.bad"],
      handlers: {
        "t3.bad": async () => {
          throw new PermanentJobError("the interview was deleted");
        },
      },
    });
    expect(outcome).toMatchObject({ outcome: "failed", attempt: 1 });
    expect(await jobRow(id)).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringContaining("the interview was deleted") });
  });

  it("fails a job of an unknown kind with a clear error instead of retrying it", async () => {
    const { id } = await enqueueJob(db(), { kind: "t4.nobody-handles-this", payload: {} });
    const outcomes = await drainQueue(db(), { kinds: ["t4.nobody-handles-this"], handlers: {} });
    expect(outcomes).toMatchObject([{ id, outcome: "failed" }]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toContain('Unknown job kind "t4.nobody-handles-this"');
  });

  it("collapses the same dedupe key onto one job", async () => {
    const first = await enqueueJob(db(), { kind: "t5.dedupe", payload: { a: 1 }, dedupeKey: "t5:interview-1" });
    const second = await enqueueJob(db(), { kind: "t5.dedupe", payload: { a: 2 }, dedupeKey: "t5:interview-1" });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const rows = await db().select().from(backgroundJobs).where(eq(backgroundJobs.kind, "t5.dedupe"));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toEqual({ a: 1 });
  });

  it("runs what handlers enqueue in the same drain, and leaves future jobs alone", async () => {
    const ran: string[] = [];
    await enqueueJob(db(), { kind: "t6.first", payload: {} });
    const later = await enqueueJob(db(), { kind: "t6.second", payload: { later: true }, runAt: new Date(Date.now() + 60_000) });
    await drainQueue(db(), {
      kinds: ["t6.first", "t6.second"],
      handlers: {
        "t6.first": async (d) => {
          ran.push("first");
          await enqueueJob(d, { kind: "t6.second", payload: {} });
        },
        "t6.second": async () => void ran.push("second"),
      },
    });
    expect(ran).toEqual(["first", "second"]);
    expect((await jobRow(later.id)).status).toBe("QUEUED");
  });

  it("runs a job scheduled ahead once a fake clock (`now`) reaches its run_at, without waiting", async () => {
    const ran: unknown[] = [];
    const handlers: Record<string, JobHandler> = { "t6b.later": async (_db, job) => void ran.push(job.payload) };
    const runAt = new Date(Date.now() + 10 * 60_000);
    const { id } = await enqueueJob(db(), { kind: "t6b.later", payload: { n: 1 }, runAt });
    expect(await drainQueue(db(), { kinds: ["t6b.later"], handlers, now: new Date(runAt.getTime() - 1000) })).toEqual([]);
    expect(await drainQueue(db(), { kinds: ["t6b.later"], handlers })).toEqual([]);
    expect(await drainQueue(db(), { kinds: ["t6b.later"], handlers, now: runAt })).toMatchObject([{ id, outcome: "succeeded" }]);
    expect(ran).toEqual([{ n: 1 }]);
  });
});

describe("leases", () => {
  it("re-claims a RUNNING job whose lease lapsed, and the late original cannot overwrite the new owner", async () => {
    const { id } = await enqueueJob(db(), { kind: "t7.lease", payload: {} });
    const [a] = await claimJobs(db(), { workerId: "worker-a", leaseMs: 60_000, limit: 1, kinds: ["t7.lease"] });
    expect(a).toMatchObject({ id, attempts: 1, lockedBy: "worker-a" });
    // Held: nobody else can take it while the lease runs.
    expect(await claimJobs(db(), { workerId: "worker-b", leaseMs: 60_000, limit: 1, kinds: ["t7.lease"] })).toEqual([]);

    // Worker A stalls (or its process died) past its lease.
    await db().update(backgroundJobs).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(backgroundJobs.id, id));
    const [b] = await claimJobs(db(), { workerId: "worker-b", leaseMs: 60_000, limit: 1, kinds: ["t7.lease"] });
    expect(b).toMatchObject({ id, attempts: 2, lockedBy: "worker-b" });

    // A comes back: neither its success nor its failure applies.
    expect(await completeJob(db(), a!)).toBe(false);
    expect(await failJob(db(), a!, new Error("late"))).toBe("lost");
    expect(await jobRow(id)).toMatchObject({ status: "RUNNING", lockedBy: "worker-b", attempts: 2, lastError: null });

    expect(await completeJob(db(), b!)).toBe(true);
    expect(await jobRow(id)).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("tells apart two claims by the same worker id (attempts differ)", async () => {
    const { id } = await enqueueJob(db(), { kind: "t8.lease", payload: {} });
    const [first] = await claimJobs(db(), { workerId: "same", leaseMs: 60_000, limit: 1, kinds: ["t8.lease"] });
    await db().update(backgroundJobs).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(backgroundJobs.id, id));
    const [second] = await claimJobs(db(), { workerId: "same", leaseMs: 60_000, limit: 1, kinds: ["t8.lease"] });
    expect(await completeJob(db(), first!)).toBe(false);
    expect(await completeJob(db(), second!)).toBe(true);
  });

  it("keeps extending the lease of a long job, so nobody else runs it meanwhile", { timeout: 120_000 }, async () => {
    // The heartbeat renews the lease every third of it, so only a run that stalls for two thirds
    // of a lease (over 3 s here) loses it: a busy machine does not, a missing heartbeat does.
    const leaseMs = 5_000;
    const leaseOf = async (jobId: string) => {
      const [row] = await db()
        .select({ until: sql<number>`(extract(epoch from ${backgroundJobs.lockedUntil}) * 1000)::float8`, now: sql<number>`(extract(epoch from now()) * 1000)::float8` })
        .from(backgroundJobs)
        .where(eq(backgroundJobs.id, jobId));
      return { until: Number(row!.until), now: Number(row!.now) };
    };
    let runs = 0;
    const takenByOthers: unknown[] = [];
    const { id } = await enqueueJob(db(), { kind: "t9.slow", payload: {} });
    const handlers = {
      // Runs until its first lease has run out. Each time the heartbeat renews the lease, another
      // worker looks for due jobs; the run ends once one looked after the first lease's end.
      "t9.slow": async () => {
        runs++;
        const first = await leaseOf(id);
        let seen = first.until;
        await until(async () => {
          const lease = await leaseOf(id);
          if (lease.until === seen) return false;
          seen = lease.until;
          takenByOthers.push(...(await claimJobs(db(), { workerId: "b", leaseMs: 60_000, limit: 1, kinds: ["t9.slow"] })));
          return lease.now > first.until;
        }, 60_000);
      },
    };
    const a = startWorker(testDb.get(), { handlers, periodicTasks: [], leaseMs, pollMs: 50, workerId: "a" });
    try {
      await until(async () => runs > 0 && (await jobRow(id)).status !== "RUNNING", 90_000);
    } finally {
      await a.stop();
    }
    expect(takenByOthers).toEqual([]);
    expect(runs).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
  });

  it("fails a job whose last attempt died with its process, instead of running it forever", async () => {
    const { id } = await enqueueJob(db(), { kind: "t10.crashy", payload: {}, maxAttempts: 1 });
    await claimJobs(db(), { workerId: "dead", leaseMs: 60_000, limit: 1, kinds: ["t10.crashy"] });
    await db().update(backgroundJobs).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(backgroundJobs.id, id));
    let ran = false;
    await drainQueue(db(), { kinds: ["t10.crashy"], handlers: { "t10.crashy": async () => void (ran = true) } });
    expect(ran).toBe(false);
    expect(await jobRow(id)).toMatchObject({ status: "FAILED", attempts: 2, lastError: expect.stringContaining("no attempts remain") });
  });
});

describe("the worker", () => {
  it("wakes on NOTIFY from enqueueJob, without waiting for a poll", async () => {
    const done: string[] = [];
    const worker = startWorker(testDb.get(), {
      handlers: { "t11.notify": async (_db, job) => void done.push(job.id) },
      periodicTasks: [],
      pollMs: 60_000,
    });
    try {
      await sleep(200); // the first (empty) poll and the LISTEN are done
      const { id } = await db().transaction(async (tx) => enqueueJob(tx, { kind: "t11.notify", payload: {} }));
      await until(() => done.includes(id), 5000);
    } finally {
      await worker.stop();
    }
  });

  it("bounds the concurrency of a kind that declares a cap, while other kinds use the free slots", async () => {
    let slowNow = 0;
    let slowMax = 0;
    let fastRan = 0;
    const handlers: Record<string, JobHandler> = {
      "t12.model": async () => {
        slowMax = Math.max(slowMax, ++slowNow);
        await sleep(150);
        slowNow--;
      },
      "t12.fast": async () => void fastRan++,
    };
    for (let i = 0; i < 4; i++) await enqueueJob(db(), { kind: "t12.model", payload: {} });
    for (let i = 0; i < 3; i++) await enqueueJob(db(), { kind: "t12.fast", payload: {} });
    const worker = startWorker(testDb.get(), { handlers, periodicTasks: [], concurrency: 4, kindConcurrency: { "t12.model": () => 1 }, pollMs: 50 });
    try {
      await until(() => fastRan === 3, 5000);
      // All the fast jobs were done while the model jobs were still going one at a time.
      expect(slowNow + slowMax).toBeGreaterThan(0);
      const models = await db().select().from(backgroundJobs).where(eq(backgroundJobs.kind, "t12.model"));
      expect(models.filter((m) => m.status === "SUCCEEDED").length).toBeLessThan(4);
      await until(async () => (await db().select().from(backgroundJobs).where(eq(backgroundJobs.kind, "t12.model"))).every((m) => m.status === "SUCCEEDED"), 5000);
      expect(slowMax).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it("stop() waits for running jobs; past its timeout it abandons them to their lease", async () => {
    let release!: () => void;
    const handlers: Record<string, JobHandler> = {
      "t13.wait": () => new Promise<void>((r) => (release = r)),
    };
    const { id } = await enqueueJob(db(), { kind: "t13.wait", payload: {} });
    const first = startWorker(testDb.get(), { handlers, periodicTasks: [], pollMs: 50 });
    await until(() => first.running() === 1);
    setTimeout(() => release(), 100);
    expect(await first.stop(5000)).toEqual({ abandoned: [] });
    expect((await jobRow(id)).status).toBe("SUCCEEDED");

    let signal: AbortSignal | undefined;
    const second = await enqueueJob(db(), { kind: "t13.stuck", payload: {} });
    const worker = startWorker(testDb.get(), {
      handlers: { "t13.stuck": (_db, job) => new Promise<void>(() => void (signal = job.signal)) },
      periodicTasks: [],
      pollMs: 50,
    });
    await until(() => worker.running() === 1);
    expect(await worker.stop(100)).toEqual({ abandoned: [second.id] });
    expect(signal?.aborted).toBe(true);
    // Left RUNNING for another worker to take up when the lease ends.
    expect((await jobRow(second.id)).status).toBe("RUNNING");
  });
});

describe("periodic tasks", () => {
  it("runs each time slot once, however many workers enqueue it", async () => {
    let runs = 0;
    const task = { name: "t14.tick", everyMs: 60 * 60_000, run: async () => void runs++ };
    const options = { handlers: {}, periodicTasks: [task], pollMs: 30 };
    const workers = [startWorker(testDb.get(), options), startWorker(testDb.get(), options)];
    try {
      await until(() => runs === 1);
      await sleep(300); // many polls of both workers later…
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(runs).toBe(1);
    const rows = await db().select().from(backgroundJobs).where(eq(backgroundJobs.kind, "periodic:t14.tick"));
    expect(rows).toMatchObject([{ status: "SUCCEEDED", dedupeKey: `periodic:t14.tick:${periodicSlot(task, Date.now())}` }]);
  });

  it("enqueues a new job per slot; each process inserts once per slot", async () => {
    const task = { name: "t15.sweep", everyMs: 60_000, run: async () => {} };
    const t0 = 1_900_000_000_000;
    const mapA = new Map<string, number>();
    const mapB = new Map<string, number>();
    expect(await enqueuePeriodicJobs(db(), [task], t0, mapA)).toBe(1);
    expect(await enqueuePeriodicJobs(db(), [task], t0 + 10, mapB)).toBe(0);
    expect(await enqueuePeriodicJobs(db(), [task], t0 + 20, mapA)).toBe(0);
    expect(await enqueuePeriodicJobs(db(), [task], t0 + 60_000, mapB)).toBe(1);
    const rows = await db().select().from(backgroundJobs).where(eq(backgroundJobs.kind, "periodic:t15.sweep"));
    const slot = Math.floor(t0 / 60_000);
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([`periodic:t15.sweep:${slot}`, `periodic:t15.sweep:${slot + 1}`]);
  });

  it("deletes finished jobs past their keeping time, not queued or recent ones", async () => {
    const old = await enqueueJob(db(), { kind: "t16.old", payload: {} });
    const oldFailed = await enqueueJob(db(), { kind: "t16.old-failed", payload: {} });
    const recentFailed = await enqueueJob(db(), { kind: "t16.recent-failed", payload: {} });
    const queued = await enqueueJob(db(), { kind: "t16.queued", payload: {}, runAt: new Date(Date.now() + 86_400_000) });
    const set = (id: string, status: "SUCCEEDED" | "FAILED", days: number) =>
      db().update(backgroundJobs).set({ status, finishedAt: sql`now() - make_interval(days => ${days})` }).where(eq(backgroundJobs.id, id));
    await set(old.id, "SUCCEEDED", 8);
    await set(oldFailed.id, "FAILED", 31);
    await set(recentFailed.id, "FAILED", 8);
    expect(await deleteFinishedJobs(db())).toBe(2);
    const left = (await db().select({ id: backgroundJobs.id }).from(backgroundJobs)).map((r) => r.id);
    expect(left).toEqual(expect.arrayContaining([recentFailed.id, queued.id]));
    expect(left).not.toContain(old.id);
    expect(left).not.toContain(oldFailed.id);
  });
});
