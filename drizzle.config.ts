import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/*.ts and committed; they are applied by `npm run db:migrate`
// (PostgreSQL) or on start (embedded PGlite). Never `drizzle-kit push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  strict: true,
  verbose: false,
});
