import { count } from "drizzle-orm";
import { organizations } from "@/db/organizations";
import { getDatabase } from "./db/client";
import { EmbeddedDatabaseLockedError } from "./db/lock";
import type { Database } from "./db/types";
import { EnvError, env } from "./env";
import { errorFields, log } from "./log";
import { startProcessWorker, stopClaimingOnSignals } from "./queue/app-worker";
import { seedDemo } from "./seed/demo";

/**
 * Runs once per app process, from Next's instrumentation hook: check the environment, open
 * (and for the embedded database, migrate) the database, on a brand-new embedded database
 * seed the demo organisation and print how to sign in, then start the background worker
 * (unless PARLEY_WORKER=off).
 */
export async function startApp(): Promise<void> {
  let config;
  try {
    config = env();
  } catch (err) {
    if (err instanceof EnvError) fatal(err.message);
    throw err;
  }
  let database;
  try {
    database = await getDatabase();
  } catch (err) {
    if (err instanceof EmbeddedDatabaseLockedError) fatal(err.message);
    log.error("database unavailable at start; requests will retry", errorFields(err));
    if (config.PARLEY_WORKER === "on") startWorkerWhenDatabaseIsBack();
    return;
  }
  log.info("database ready", { kind: database.kind, location: database.location });
  if (database.kind === "pglite" && config.PARLEY_SEED !== "off") await seedIfEmpty(database, config.APP_URL);
  if (config.PARLEY_WORKER === "on") stopClaimingOnSignals(startProcessWorker(database));
}

async function seedIfEmpty(database: Database, appUrl: string) {
  const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(organizations);
  if (n > 0) return;
  const seeded = await seedDemo(database.db);
  printBanner(appUrl, seeded.login, seeded.apiKey);
}

// Requests retry the database on their own; the worker has no request to do that for it.
function startWorkerWhenDatabaseIsBack() {
  const retry = setTimeout(async () => {
    try {
      stopClaimingOnSignals(startProcessWorker(await getDatabase()));
    } catch {
      startWorkerWhenDatabaseIsBack();
    }
  }, 5000);
  retry.unref();
}

function printBanner(appUrl: string, login: { email: string; password: string } | null, apiKey: string) {
  const lines = [
    "",
    "  Parley is ready, with a demo organisation on the embedded database.",
    "",
    `  Console:  ${appUrl}/login`,
    login ? `  Sign in:  ${login.email} / ${login.password}` : "",
    `  API key:  ${apiKey}`,
    `  Try:      curl -H "Authorization: Bearer ${apiKey}" ${appUrl}/api/v1/interviews`,
    "",
    "  The API key is shown once; `npm run --silent cli -- seed` issues another.",
    "",
  ];
  process.stdout.write(lines.filter((l, i) => l || lines[i - 1]).join("\n") + "\n");
}

function fatal(message: string): never {
  process.stderr.write(`\nParley cannot start:\n${message}\n\n`);
  process.exit(1);
}
