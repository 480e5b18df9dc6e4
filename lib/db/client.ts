import { env } from "@/lib/env";
import type { EmbeddedOptions } from "./pglite";
import type { Database, Db } from "./types";

// One database per process, kept on globalThis so that `next dev` module reloads reuse it
// instead of opening PGlite a second time.
const holder = globalThis as typeof globalThis & { __parleyDatabase?: Promise<Database> };

let embeddedOptions: EmbeddedOptions = {};

/** How this process opens the embedded database (the CLI, which answers one command, sets a small buffer pool). */
export function setEmbeddedOptions(options: EmbeddedOptions): void {
  embeddedOptions = options;
}

// Each driver is loaded only when it is the one in use: PGlite alone takes a good part of a
// second to load, which a CLI command on PostgreSQL should not pay.
async function open(): Promise<Database> {
  const { DATABASE_URL, DATABASE_POOL_MAX, PARLEY_DATA_DIR } = env();
  if (DATABASE_URL) return (await import("./postgres")).openPostgres(DATABASE_URL, { max: DATABASE_POOL_MAX });
  return (await import("./pglite")).openEmbedded(PARLEY_DATA_DIR, embeddedOptions);
}

export function getDatabase(): Promise<Database> {
  if (!holder.__parleyDatabase) {
    const opening = open();
    // A failed open is not cached: the next request tries again (e.g. the server came back).
    opening.catch(() => {
      if (holder.__parleyDatabase === opening) holder.__parleyDatabase = undefined;
    });
    holder.__parleyDatabase = opening;
  }
  return holder.__parleyDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Tests and the CLI install the database they opened themselves. */
export function setDatabase(database: Database | undefined): void {
  holder.__parleyDatabase = database ? Promise.resolve(database) : undefined;
}

export async function closeDatabase(): Promise<void> {
  const current = holder.__parleyDatabase;
  holder.__parleyDatabase = undefined;
  if (current) await (await current).close();
}
