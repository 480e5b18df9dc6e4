import type { Database } from "../db/types";
import { errorFields, log } from "../log";
import type { JobRegistry } from "./define";
import { startWorker, type Worker, workerOptionsFromEnv } from "./worker";

// The worker inside an app process: one per process, kept on globalThis so that `next dev`
// reloading modules (or a second call of the instrumentation hook) never starts a second one.
const holder = globalThis as typeof globalThis & { __parleyWorker?: Worker };

/** Starts this process's worker with the settings of the environment, once. */
export function startProcessWorker(database: Database, registry: JobRegistry): Worker {
  if (holder.__parleyWorker) return holder.__parleyWorker;
  // On the embedded database this is the only process, so jobs still RUNNING were left by a
  // previous run of it: they need not wait for their leases.
  const worker = startWorker(database, { ...workerOptionsFromEnv(), ...registry, releaseOrphans: database.kind === "pglite" });
  holder.__parleyWorker = worker;
  return worker;
}

/**
 * In the app, Next owns SIGTERM/SIGINT: it closes the server and exits. The worker only stops
 * claiming (and waits while Next lets the process live); jobs cut short by the exit are
 * claimed again when their leases end. `npm run worker` waits for its jobs itself.
 */
export function stopClaimingOnSignals(worker: Worker): void {
  const stop = () => void worker.stop().catch((err) => log.error("worker stop failed", errorFields(err)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
