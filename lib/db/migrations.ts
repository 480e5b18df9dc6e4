import path from "node:path";

// Migrations are read from the source tree at run time (next start and the CLI both run
// from the project root), so the SQL that drizzle-kit generated is exactly what is applied.
export function migrationsFolder(): string {
  return path.join(process.cwd(), "db", "migrations");
}
