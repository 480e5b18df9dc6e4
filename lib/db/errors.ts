import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { DATABASE_UNAVAILABLE_DIGEST, isDatabaseUnavailable } from "./unavailable";

// Drizzle wraps every failed query in an error whose message and own properties hold the
// query's parameters (names, e-mails, turn content, key hashes), and PGlite adds them to its
// own errors too; PostgreSQL's `detail` repeats the offending values. Anything that logs such
// an error (our log lines, the job queue's last_error, Next's own error output for a page)
// would write them out. So failed queries are rethrown as a DatabaseError carrying only what
// identifies the failure: the SQLSTATE or connection code, the names of the constraint,
// table and column, and the SQL text with its placeholders, never a value.

/** Field names of postgres.js errors first, then those of PGlite's (pg-protocol). */
const NAMES = {
  constraint_name: ["constraint_name", "constraint"],
  table_name: ["table_name", "table"],
  column_name: ["column_name", "column"],
  schema_name: ["schema_name", "schema"],
  data_type_name: ["data_type_name", "dataType"],
} as const;

export class DatabaseError extends Error {
  /** SQLSTATE (`23505`) or, for a connection failure, its code (`ECONNREFUSED`, `CONNECTION_CLOSED`). */
  declare code?: string;
  declare severity?: string;
  declare constraint_name?: string;
  declare table_name?: string;
  declare column_name?: string;
  declare schema_name?: string;
  declare data_type_name?: string;
  /** The SQL text, with `$1` placeholders where the values were. */
  declare query?: string;
  /** Set when the database cannot be reached: a page's error boundary shows the outage page. */
  declare digest?: string;
}
// On the prototype, so the stack captured by the constructor already starts with this name.
DatabaseError.prototype.name = "DatabaseError";

/**
 * A parameter-free copy of a failed query's error (Drizzle's wrapper or the driver's error).
 * Its stack is its own, captured here: the original's starts with the message, parameters and all.
 */
export function safeDatabaseError(err: unknown): Error {
  if (err instanceof DatabaseError || !(err instanceof Error)) return err as Error;
  const wrapper = err as Error & { query?: unknown };
  // Drizzle's wrapper has the driver's error as its cause and the SQL text as its `query`.
  const driver = (hasOwn(wrapper, "params") && wrapper.cause instanceof Error ? wrapper.cause : wrapper) as Error & Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [name, sources] of Object.entries(NAMES)) {
    const value = sources.map((s) => driver[s]).find((v): v is string => typeof v === "string" && v !== "");
    if (value) fields[name] = value;
  }
  const names = new Set([...Object.values(fields), "UTF8"]);
  // PostgreSQL quotes the offending value in many messages (invalid input syntax for type
  // uuid: "…"); the identifiers it quotes are kept when they are the error's own names.
  const message = String(driver.message).replace(/"([^"]*)"/g, (quoted, inner: string) => (names.has(inner) ? quoted : '"…"'));
  const safe = Object.assign(new DatabaseError(message), fields);
  if (typeof driver.code === "string") safe.code = driver.code;
  if (typeof driver.severity === "string") safe.severity = driver.severity;
  if (typeof wrapper.query === "string") safe.query = wrapper.query;
  if (isDatabaseUnavailable(safe)) safe.digest = DATABASE_UNAVAILABLE_DIGEST;
  return safe;
}

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

const PATCHED = Symbol.for("parley.safeQueryErrors");

/**
 * Every driver's prepared query runs through PgPreparedQuery.queryWithCache, which is where
 * Drizzle builds its parameter-carrying error: wrapping it once here covers postgres.js and
 * PGlite, transactions included. Idempotent (dev reloads import this module again).
 */
export function installSafeQueryErrors(): void {
  const proto = PgPreparedQuery.prototype as unknown as Record<PropertyKey, unknown> & { queryWithCache: (...args: unknown[]) => Promise<unknown> };
  if (proto[PATCHED]) return;
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (err) {
      throw safeDatabaseError(err);
    }
  };
  proto[PATCHED] = true;
}
