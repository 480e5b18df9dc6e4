import { getDatabase } from "@/lib/db/client";
import { migratePostgres } from "@/lib/db/postgres";
import { env } from "@/lib/env";
import { seedDemo } from "@/lib/seed/demo";
import type { Command } from "../command";

export const dbCommands: Record<string, Command> = {
  "db migrate": {
    usage: "db migrate",
    async run() {
      const url = env().DATABASE_URL;
      if (url) {
        await migratePostgres(url);
        return { migrated: true, database: "postgres" };
      }
      // The embedded database migrates itself when it is opened.
      const database = await getDatabase();
      return { migrated: true, database: "pglite", location: database.location };
    },
  },
  seed: {
    usage: "seed",
    async run() {
      const database = await getDatabase();
      return seedDemo(database.db);
    },
  },
};
