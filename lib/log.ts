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

export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { error: err.message, stack: err.stack };
  return { error: String(err) };
}
