import { eq } from "drizzle-orm";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { backgroundJobs } from "@/db/background-jobs";
import { appJobs } from "@/lib/background-jobs";
import { drainQueue } from "@/lib/queue/drain";
import { defineJob, enqueue, JobPayloadError, jobRegistry } from "@/lib/queue/define";
import { enqueueJob } from "@/lib/queue/enqueue";
import { setupTestDatabase } from "../helpers/db";

// Jobs defined with defineJob: the payload's schema guards both ends of the queue, and the
// definition alone decides the attempts and the dedupe key.
const testDb = setupTestDatabase();
const db = () => testDb.get().db;
const rowsOf = (kind: string) => db().select().from(backgroundJobs).where(eq(backgroundJobs.kind, kind));

const ran: unknown[] = [];
const countJob = defineJob({
  kind: "typed.count",
  payload: z.object({ n: z.number().int().min(1), label: z.string().default("none") }),
  maxAttempts: 2,
  dedupe: ({ n }) => `typed.count:${n}`,
  run: async (_db, payload, job) => void ran.push({ payload, attempt: job.attempt }),
});
const registry = jobRegistry([countJob]);

describe("defineJob and enqueue", () => {
  it("queues the parsed payload with the definition's attempts and dedupe key", async () => {
    const first = await enqueue(db(), countJob, { n: 1 }, { organizationId: null });
    expect(first.created).toBe(true);
    expect(await rowsOf("typed.count")).toMatchObject([{ id: first.id, payload: { n: 1, label: "none" }, maxAttempts: 2, dedupeKey: "typed.count:1", status: "QUEUED" }]);
    // The same work asked for twice collapses onto the first job.
    expect(await enqueue(db(), countJob, { n: 1, label: "again" }, { organizationId: null })).toEqual({ id: first.id, created: false });

    await drainQueue(db(), { ...registry, kinds: ["typed.count"] });
    expect(ran).toEqual([{ payload: { n: 1, label: "none" }, attempt: 1 }]);
  });

  it("refuses a payload its schema refuses, naming the field, and queues nothing", async () => {
    const wrong = enqueue(db(), countJob, { n: 0 }, { organizationId: null });
    await expect(wrong).rejects.toBeInstanceOf(JobPayloadError);
    await expect(wrong).rejects.toThrow('Invalid payload for job "typed.count": n: Too small: expected number to be >=1');
    expect(await db().$count(backgroundJobs, eq(backgroundJobs.dedupeKey, "typed.count:0"))).toBe(0);
  });

  it("fails a stored job whose payload does not match at once, with the reason, without running it", async () => {
    const { id } = await enqueueJob(db(), { kind: "typed.count", payload: { n: "seven" } });
    ran.length = 0;
    expect(await drainQueue(db(), { ...registry, kinds: ["typed.count"] })).toMatchObject([{ id, attempt: 1, outcome: "failed" }]);
    const [row] = await db().select().from(backgroundJobs).where(eq(backgroundJobs.id, id));
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row!.lastError).toMatch(/^PermanentJobError: Invalid payload for job "typed\.count": n: Invalid input: expected number, received string/);
    expect(ran).toEqual([]);
  });

  it("builds a worker's registry: handlers and caps by kind, each kind once", () => {
    const capped = defineJob({ kind: "typed.capped", payload: z.object({}), maxAttempts: 1, concurrency: () => 2, run: async () => {} });
    const built = jobRegistry([countJob, capped]);
    expect(Object.keys(built.handlers)).toEqual(["typed.count", "typed.capped"]);
    expect(Object.keys(built.kindConcurrency)).toEqual(["typed.capped"]);
    expect(() => jobRegistry([countJob, countJob])).toThrow('Job kind "typed.count" is registered twice.');
    expect(() => defineJob({ kind: "typed.none", payload: z.object({}), maxAttempts: 0, run: async () => {} })).toThrow(/maxAttempts/);
  });

  it("registers the application's jobs and tasks, the report job capped by REPORT_CONCURRENCY", () => {
    expect(Object.keys(appJobs.handlers).sort()).toEqual(["email.send", "livekit.interrupted-check", "report.generate", "webhook.deliver"]);
    expect(Object.keys(appJobs.kindConcurrency)).toEqual(["report.generate"]);
    expect(appJobs.periodicTasks.map((t) => t.name)).toContain("queue.cleanup");
  });
});
