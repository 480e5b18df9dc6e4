import { DatabaseError, safeDatabaseError } from "./db/errors";
import { env } from "./env";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

// One JSON object per line, so logs can be grepped by requestId and shipped as they are.
function threshold(): Level | "silent" {
  try {
    return env().LOG_LEVEL;
  } catch {
    // An invalid environment is reported elsewhere; logging must not throw.
    return "info";
  }
}

/** For log lines whose fields cost something to build on a hot path. */
export const logEnabled = (level: Level) => ORDER[level] >= ORDER[threshold()];

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (!logEnabled(level)) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => write("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => write("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => write("error", m, f),
};

/**
 * An error as log fields: message, stack, and for a database error its code and the names of
 * its constraint, table and column. Never a query's parameters: a driver error that reached
 * here without going through Drizzle (lib/db/errors.ts) is made parameter-free first.
 */
export function errorFields(err: unknown): Record<string, unknown> {
  const e = looksLikeDriverError(err) ? safeDatabaseError(err) : err;
  if (e instanceof DatabaseError) {
    const { code, constraint_name, table_name, column_name } = e;
    return { error: e.message, ...definedOnly({ code, constraint: constraint_name, table: table_name, column: column_name }), stack: e.stack };
  }
  if (e instanceof Error) return { error: e.message, stack: e.stack };
  return { error: String(e) };
}

// Drizzle's wrapper and PGlite's errors hold `params`; postgres.js's hold `parameters` and a
// `severity`, and PostgreSQL's message may quote a value.
const looksLikeDriverError = (err: unknown) =>
  err instanceof Error && !(err instanceof DatabaseError) && ("params" in err || "parameters" in err || "severity" in err);

const definedOnly = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
