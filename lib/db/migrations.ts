import fs from "node:fs";
import path from "node:path";

// Migrations are read from the source tree at run time (next start and the CLI both run
// from the project root), so the SQL that drizzle-kit generated is exactly what is applied.
export function migrationsFolder(): string {
  return path.join(process.cwd(), "db", "migrations");
}

/** The `when` of the newest committed migration (drizzle-kit's journal), in milliseconds. */
export function newestMigrationMillis(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

/**
 * Whether a database already has every committed migration, by the rule drizzle's migrator
 * applies (a migration runs when its `when` is newer than the last one recorded). Reading the
 * journal and one row is much cheaper than the migrator, which reads and hashes every file.
 */
export async function isMigrated(newestApplied: () => Promise<number | null>): Promise<boolean> {
  let applied: number | null;
  try {
    applied = await newestApplied();
  } catch {
    return false; // no migrations table yet: a new database
  }
  return applied !== null && applied >= newestMigrationMillis();
}
