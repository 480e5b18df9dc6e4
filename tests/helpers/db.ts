import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { setDatabase } from "@/lib/db/client";
import { openEmbedded, wrapPglite } from "@/lib/db/pglite";
import { openPostgres } from "@/lib/db/postgres";
import type { Database } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";

/** A database of this file's own, built from the migrations, installed as the app's database. */
export async function createTestDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  const cfg = inject("testDb");
  if (cfg.kind === "pglite") {
    const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(cfg.snapshot)]) });
    const database = wrapPglite(client, "memory");
    return { database, drop: () => database.close() };
  }
  const name = `parley_t_${process.ppid}_${randomBase62(8).toLowerCase()}`;
  const admin = postgres(cfg.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${cfg.template}"`);
  await admin.end();
  const url = new URL(cfg.adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 8 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const again = postgres(cfg.adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

/** Call at the top of a test file: one fresh database for the file, closed afterwards. */
export function setupTestDatabase(): { get: () => Database; url: () => string | undefined } {
  let current: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  // Loading the snapshot is 1–2 s of CPU; on a 2-core machine shared with other test runs that
  // stretched past the default 60 s. The timeout is there to catch a hang, so it allows for that.
  beforeAll(async () => {
    current = await createTestDatabase();
    setDatabase(current.database);
  }, 180_000);
  afterAll(async () => {
    setDatabase(undefined);
    await current?.drop();
  });
  return {
    get: () => {
      if (!current) throw new Error("setupTestDatabase: database not ready (use it inside tests or hooks)");
      return current.database;
    },
    url: () => current?.url,
  };
}

export const testDbKind = () => inject("testDb").kind;

/**
 * Fills an empty data folder with this run's migrated database, as a folder is after the app's
 * first start: a child process (the CLI, a lock holder) then opens it in a second or two
 * instead of creating a database from nothing (initdb alone is ~8 s of CPU).
 */
export async function migratedDataFolder(dataDir: string): Promise<void> {
  const cfg = inject("testDb");
  if (cfg.kind !== "pglite") {
    // PostgreSQL runs have no PGlite snapshot: make the folder the way the app does.
    await (await openEmbedded(dataDir)).close();
    return;
  }
  const client = await PGlite.create({ dataDir: path.join(dataDir, "pglite"), loadDataDir: new Blob([fs.readFileSync(cfg.snapshot)]) });
  await client.close();
}
