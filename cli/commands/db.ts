import { getDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Run } from "../command";

export const migrateCommand: Run = async () => {
  const url = env().DATABASE_URL;
  if (url) {
    const { migratePostgres } = await import("@/lib/db/postgres");
    await migratePostgres(url);
    return { migrated: true, database: "postgres" };
  }
  // The embedded database migrates itself when it is opened.
  const database = await getDatabase();
  return { migrated: true, database: "pglite", location: database.location };
};

export const seedCommand: Run = async () => {
  const { seedDemo } = await import("@/lib/seed/demo");
  return seedDemo((await getDatabase()).db);
};
