import { count } from "drizzle-orm";
import { organizations } from "@/db/organizations";
import { agentSecret } from "./agent/secret";
import { appJobs } from "./background-jobs";
import { dataFolderSecretPath } from "./data-folder-secret";
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
 * seed the demo organisation and print how to sign in (in development, with the agent secret
 * generated under the data folder), then start the background worker (unless PARLEY_WORKER=off).
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
  const seeded = database.kind === "pglite" && config.PARLEY_SEED !== "off" ? await seedIfEmpty(database) : undefined;
  // In development the agent secret may be one generated under the data folder: show it on
  // every start, so the simulator (or a real agent) can be pointed at this app at once.
  const agent = agentSecret();
  if (seeded || agent?.generated) printBanner(config.APP_URL, seeded, agent?.generated ? agent.value : undefined);
  if (config.PARLEY_WORKER === "on") stopClaimingOnSignals(startProcessWorker(database, appJobs));
}

async function seedIfEmpty(database: Database) {
  const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(organizations);
  return n > 0 ? undefined : seedDemo(database.db);
}

// Requests retry the database on their own; the worker has no request to do that for it.
function startWorkerWhenDatabaseIsBack() {
  const retry = setTimeout(async () => {
    try {
      stopClaimingOnSignals(startProcessWorker(await getDatabase(), appJobs));
    } catch {
      startWorkerWhenDatabaseIsBack();
    }
  }, 5000);
  retry.unref();
}

function printBanner(appUrl: string, seeded: { login: { email: string; password: string } | null; apiKey: string } | undefined, generatedAgentSecret: string | undefined) {
  const lines = [
    "",
    seeded ? "  Parley is ready, with a demo organisation on the embedded database." : "  Parley is ready (development).",
    "",
    `  Console:       ${appUrl}/login`,
    seeded?.login ? `  Sign in:       ${seeded.login.email} / ${seeded.login.password}` : "",
    seeded ? `  API key:       ${seeded.apiKey}` : "",
    generatedAgentSecret ? `  Agent secret:  ${generatedAgentSecret}` : "",
    seeded ? `  Try:           curl -H "Authorization: Bearer ${seeded.apiKey}" ${appUrl}/api/v1/interviews` : "",
    "",
    seeded ? "  The API key is shown once; `npm run --silent cli -- seed` issues another (with the app stopped)." : "",
    generatedAgentSecret ? `  The agent secret was generated in ${dataFolderSecretPath("agent-secret")} (development only; set AGENT_SECRET to choose one).` : "",
    "",
  ];
  process.stdout.write(lines.filter((l, i) => l || lines[i - 1]).join("\n") + "\n");
}

function fatal(message: string): never {
  process.stderr.write(`\nParley cannot start:\n${message}\n\n`);
  process.exit(1);
}
