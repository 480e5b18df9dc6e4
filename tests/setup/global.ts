import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migratePostgres } from "@/lib/db/postgres";

// Builds one migrated database per run, from the committed migrations; each test file then
// gets its own copy (a PGlite snapshot, or a PostgreSQL database cloned from a template).
declare module "vitest" {
  export interface ProvidedContext {
    testDb: { kind: "pglite"; snapshot: string } | { kind: "postgres"; adminUrl: string; template: string };
  }
}

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

export default async function setup(project: TestProject) {
  if (process.env.PARLEY_TEST_DB === "postgres") {
    const adminUrl = process.env.PARLEY_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const template = `parley_tpl_${process.pid}_${Date.now()}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${template}`;
    await migratePostgres(url.toString());
    project.provide("testDb", { kind: "postgres", adminUrl, template });
    return async () => {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`parley_t_${process.pid}_%`} or datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.end();
    };
  }

  const pg = await PGlite.create();
  await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS });
  const dump = await pg.dumpDataDir("none");
  await pg.close();
  const snapshot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "parley-test-")), "migrated.tar");
  fs.writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDb", { kind: "pglite", snapshot });
  return () => fs.rmSync(path.dirname(snapshot), { recursive: true, force: true });
}
