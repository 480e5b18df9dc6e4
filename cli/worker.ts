// `npm run worker`: a process that only runs background jobs, beside (or instead of) the
// workers inside the app processes. Logs are JSON lines; SIGTERM or SIGINT stops it cleanly
// after its running jobs finish (up to WORKER_STOP_TIMEOUT_SECONDS).
import { appJobs } from "@/lib/background-jobs";
import { closeDatabase, getDatabase } from "@/lib/db/client";
import { EmbeddedDatabaseLockedError } from "@/lib/db/lock";
import { EnvError, env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import { startWorker, workerOptionsFromEnv } from "@/lib/queue/worker";

async function main(): Promise<number> {
  try {
    env();
  } catch (err) {
    if (err instanceof EnvError) {
      log.error("invalid environment", { error: err.message });
      return 1;
    }
    throw err;
  }
  let database;
  try {
    database = await getDatabase();
  } catch (err) {
    if (err instanceof EmbeddedDatabaseLockedError) {
      // The app already runs jobs on the embedded database; a second process may not open it.
      log.error("the embedded database is in use: the app's own worker runs its jobs; use DATABASE_URL (PostgreSQL) for a separate worker", { error: err.message });
    } else {
      log.error("cannot open the database", errorFields(err));
    }
    return 1;
  }
  const worker = startWorker(database, { ...workerOptionsFromEnv(), ...appJobs, releaseOrphans: database.kind === "pglite" });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  // A second signal while waiting for jobs means "now": their leases let others take them.
  process.once(signal, () => process.exit(1));
  log.info("worker received a stop signal", { signal, workerId: worker.id });
  await worker.stop();
  await closeDatabase();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log.error("worker crashed", errorFields(err));
    process.exit(1);
  },
);
