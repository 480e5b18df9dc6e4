import { safeDatabaseError } from "./errors";
import type { Db } from "./types";

type PostgresJsClient = { unsafe: (text: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]> };
type PgliteClient = { query: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }> };

/**
 * Runs a constant SQL text ($1, $2… placeholders) as a named prepared statement on PostgreSQL,
 * so the server parses and plans it once per connection instead of on every call (drizzle's
 * execute() never prepares). For the few statements on a hot path; everything else goes
 * through the query builder. PGlite runs in-process and simply runs the query.
 */
export async function executePrepared<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  try {
    return await run<T>(db, text, params);
  } catch (err) {
    // Past Drizzle, so its errors are made parameter-free here (lib/db/errors.ts says why).
    throw safeDatabaseError(err);
  }
}

async function run<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client && typeof (client as PostgresJsClient).unsafe === "function") {
    return (await (client as PostgresJsClient).unsafe(text, params, { prepare: true })) as T[];
  }
  if (client && typeof (client as PgliteClient).query === "function") {
    return (await (client as PgliteClient).query(text, params)).rows as T[];
  }
  throw new Error("executePrepared needs the database handle itself, not a transaction");
}
