import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "@/db/schema";
import { installSafeQueryErrors } from "./errors";
import { acquireEmbeddedLock, releaseEmbeddedLock } from "./lock";
import { isMigrated, migrationsFolder } from "./migrations";
import type { Database, Db } from "./types";

installSafeQueryErrors();

export function wrapPglite(client: PGlite, location: string, onClose?: () => void): Database {
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    location,
    async listen(channel, onMessage) {
      const unsubscribe = await client.listen(channel, onMessage);
      return async () => unsubscribe();
    },
    async close() {
      await client.close();
      onClose?.();
    },
  };
}

export type EmbeddedOptions = {
  /** PostgreSQL's buffer pool, e.g. "16MB" (PGlite's default is 128MB, slower to set up). */
  sharedBuffers?: string;
};

/** Opens (creating and migrating if needed) the embedded database in `dataDir`. */
export async function openEmbedded(dataDir: string, options: EmbeddedOptions = {}): Promise<Database> {
  const dir = path.resolve(dataDir);
  acquireEmbeddedLock(dir);
  try {
    const startParams = options.sharedBuffers ? [...PGlite.defaultStartParams, "-c", `shared_buffers=${options.sharedBuffers}`] : undefined;
    const client = await PGlite.create(path.join(dir, "pglite"), { startParams });
    const database = wrapPglite(client, path.join(dir, "pglite"), () => releaseEmbeddedLock(dir));
    // Every open (each CLI command, each app start) checks; only a database behind the code migrates.
    const newestApplied = async () => {
      const { rows } = await client.query<{ created_at: string | number }>("select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1");
      return rows[0] ? Number(rows[0].created_at) : null;
    };
    if (!(await isMigrated(newestApplied))) {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(database.db as never, { migrationsFolder: migrationsFolder() });
    }
    return database;
  } catch (err) {
    releaseEmbeddedLock(dir);
    throw err;
  }
}
