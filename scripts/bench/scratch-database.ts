// A database for one in-process benchmark run: an in-memory PGlite built from the migrations,
// or (with `postgres: true`) a new PostgreSQL database that `drop()` removes again.
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { migrationsFolder } from "@/lib/db/migrations";
import { wrapPglite } from "@/lib/db/pglite";
import { migratePostgres, openPostgres } from "@/lib/db/postgres";
import type { Database } from "@/lib/db/types";
import { env } from "@/lib/env";
import { randomBase62 } from "@/lib/ids";

export async function openScratchDatabase(options: { postgres: boolean }): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!options.postgres) {
    const client = await PGlite.create();
    await migrate(drizzle(client), { migrationsFolder: migrationsFolder() });
    const database = wrapPglite(client, "memory");
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.PARLEY_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `parley_bench_${randomBase62(8).toLowerCase()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  const database = openPostgres(url.toString(), { max: env().DATABASE_POOL_MAX });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
