import { env } from "@/lib/env";
import { openEmbedded } from "./pglite";
import { openPostgres } from "./postgres";
import type { Database, Db } from "./types";

// One database per process, kept on globalThis so that `next dev` module reloads reuse it
// instead of opening PGlite a second time.
const holder = globalThis as typeof globalThis & { __parleyDatabase?: Promise<Database> };

function open(): Promise<Database> {
  const { DATABASE_URL, DATABASE_POOL_MAX, PARLEY_DATA_DIR } = env();
  if (DATABASE_URL) return Promise.resolve(openPostgres(DATABASE_URL, { max: DATABASE_POOL_MAX }));
  return openEmbedded(PARLEY_DATA_DIR);
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
