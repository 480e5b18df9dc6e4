import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/types";
import { drainQueue } from "@/lib/queue/drain";
import { enqueueJob } from "@/lib/queue/enqueue";
import { runCli as cli } from "../helpers/cli";
import { setupTestDatabase } from "../helpers/db";

// Operators inspect and retry failed jobs with the CLI; its commands run here in-process, on
// this file's database (the CLI as a process is cli.test.ts's smoke test).
const testDb = setupTestDatabase();

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
  it("lists FAILED jobs with their error, counts them, and queues one again", async () => {
    const id = await failedJob(testDb.get().db);

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
  });

  it("refuses an unknown status or limit with a usage error", async () => {
    const bad = await cli("jobs", "list", "--status", "DONE");
    expect(bad).toMatchObject({ code: 2, error: { code: "usage", message: expect.stringContaining("QUEUED, RUNNING, SUCCEEDED, FAILED") } });
    expect((await cli("jobs", "list", "--limit", "5000")).code).toBe(2);
  });
});
