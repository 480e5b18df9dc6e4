import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/types";
import { openEmbedded } from "@/lib/db/pglite";
import { drainQueue } from "@/lib/queue/drain";
import { enqueueJob } from "@/lib/queue/enqueue";
import { setupTestDatabase } from "../helpers/db";
import { runTs } from "../helpers/spawn";

// Operators inspect and retry failed jobs with the CLI, in a child process as they run it: on
// DATABASE_URL (PostgreSQL runs) or an embedded folder of its own (PGlite runs).
const testDb = setupTestDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-jobs-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function failedJob(db: Db): Promise<string> {
  const { id } = await enqueueJob(db, { kind: "cli.broken", payload: { x: 1 }, maxAttempts: 1 });
  const handlers = {
    "cli.broken": async () => {
      throw new Error("smtp refused");
    },
  };
  await drainQueue(db, { kinds: ["cli.broken"], handlers });
  return id;
}

describe("jobs CLI", () => {
  it("lists FAILED jobs with their error, counts them, and queues one again", { timeout: 120_000 }, async () => {
    const url = testDb.url();
    let id: string;
    if (url) id = await failedJob(testDb.get().db);
    else {
      // The embedded folder admits one process: make the job, close, then let the CLI open it.
      const embedded = await openEmbedded(dataDir);
      id = await failedJob(embedded.db);
      await embedded.close();
    }
    const cli = async (...args: string[]) => {
      const res = await runTs("cli/index.ts", args, url ? { DATABASE_URL: url } : { DATABASE_URL: "", PARLEY_DATA_DIR: dataDir });
      return { code: res.code, json: res.stdout ? JSON.parse(res.stdout) : null, error: res.stderr ? JSON.parse(res.stderr).error : null };
    };

    const list = await cli("jobs", "list", "--status", "FAILED");
    expect(list.code).toBe(0);
    expect(list.json.jobs).toMatchObject([{ id, kind: "cli.broken", status: "FAILED", attempts: 1, maxAttempts: 1, lastError: expect.stringContaining("smtp refused") }]);

    const stats = await cli("jobs", "stats");
    expect(stats.json.counts).toEqual(expect.arrayContaining([{ kind: "cli.broken", status: "FAILED", count: 1 }]));

    const retried = await cli("jobs", "retry", "--id", id);
    expect(retried.json.job).toMatchObject({ id, status: "QUEUED", attempts: 0 });
    const again = await cli("jobs", "retry", "--id", id);
    expect(again.code).toBe(1);
    expect(again.error).toMatchObject({ code: "invalid_state" });
    expect((await cli("jobs", "retry", "--id", "bj_nope")).error).toMatchObject({ code: "not_found" });

    const bad = await cli("jobs", "list", "--status", "DONE");
    expect(bad.code).toBe(2);
  });
});
