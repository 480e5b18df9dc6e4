// A worker process for the multi-process queue tests: a real startWorker() on PostgreSQL with
// test handlers that record every run as a row in queue_test_runs (created by the test), so
// the test can count what ran where. Prints one JSON line when started; SIGTERM stops it.
//   node --import tsx tests/helpers/worker-child.ts <database-url> <lease-ms> <concurrency>
import { sql } from "drizzle-orm";
import { openPostgres } from "@/lib/db/postgres";
import type { Db } from "@/lib/db/types";
import type { JobContext } from "@/lib/queue/types";
import { startWorker } from "@/lib/queue/worker";

const [url, leaseMs, concurrency] = process.argv.slice(2);
const record = (db: Db, job: JobContext) =>
  db.execute(sql`insert into queue_test_runs (job_id, pid, attempt) values (${job.id}, ${process.pid}, ${job.attempt})`);

async function main() {
  const database = openPostgres(url!, { max: 4 });
  const worker = startWorker(database, {
    leaseMs: Number(leaseMs),
    concurrency: Number(concurrency),
    periodicTasks: [],
    handlers: {
      "test.record": async (db, job) => {
        await record(db, job);
        await new Promise((r) => setTimeout(r, Math.random() * 5));
      },
      // The first attempt never ends (the test kills this process); later ones finish at once.
      "test.hang": async (db, job) => {
        await record(db, job);
        if (job.attempt === 1) await new Promise(() => {});
      },
    },
  });
  process.once("SIGTERM", async () => {
    await worker.stop(5000);
    await database.close();
    process.exit(0);
  });
  process.stdout.write(JSON.stringify({ pid: process.pid, workerId: worker.id }) + "\n");
}

void main();
