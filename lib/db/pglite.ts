import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "@/db/schema";
import { installSafeQueryErrors } from "./errors";
import { acquireEmbeddedLock, releaseEmbeddedLock } from "./lock";
import { migrationsFolder } from "./migrations";
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

/** Opens (creating and migrating if needed) the embedded database in `dataDir`. */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir);
  acquireEmbeddedLock(dir);
  try {
    const client = await PGlite.create(path.join(dir, "pglite"));
    const database = wrapPglite(client, path.join(dir, "pglite"), () => releaseEmbeddedLock(dir));
    await migrate(database.db as never, { migrationsFolder: migrationsFolder() });
    return database;
  } catch (err) {
    releaseEmbeddedLock(dir);
    throw err;
  }
}
