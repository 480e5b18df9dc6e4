import { AppError } from "@/lib/errors";
import { EmbeddedDatabaseLockedError } from "@/lib/db/lock";
import { EnvError, env } from "@/lib/env";
import { optionsOf, parseFlags, UsageError } from "./args";
import type { CliIo } from "./command";
import { commands } from "./registry";

export function usage(): string {
  return ["Usage: npm run --silent cli -- <command> [flags]", "", ...Object.values(commands).map((c) => `  ${c.usage}`)].join("\n");
}

/** The command named by the first one or two words before any flag. */
function commandName(argv: string[]): { name?: string; words: string[] } {
  const firstFlag = argv.findIndex((a) => a.startsWith("--"));
  const words = firstFlag === -1 ? argv : argv.slice(0, firstFlag);
  return { name: [words.slice(0, 2).join(" "), words[0] ?? ""].find((n) => n in commands), words };
}

function describe(err: unknown, usageLine: string) {
  if (err instanceof AppError) return { code: err.code, message: err.message, ...(err.errors ? { errors: err.errors } : {}) };
  if (err instanceof UsageError) return { code: "usage", message: `${err.message}\n\n${usageLine}` };
  if (err instanceof EnvError) return { code: "invalid_environment", message: err.message };
  if (err instanceof EmbeddedDatabaseLockedError) return { code: "database_locked", message: err.message };
  return { code: "error", message: (err as Error).message ?? String(err) };
}

/**
 * Runs one command: its result is one JSON object on `io.stdout`, an error one JSON object on
 * `io.stderr`. Returns the exit code: 0, 1 for a failure, 2 for a usage error. It leaves the
 * database open (the process entry closes it), so tests call it in-process on their own.
 */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  if (argv.length === 0 || argv.includes("--help")) {
    io.stdout.write(usage() + "\n");
    return 0;
  }
  const { name, words } = commandName(argv);
  if (!name) {
    io.stderr.write(JSON.stringify({ error: { code: "usage", message: `Unknown command "${words.join(" ")}".\n\n${usage()}` } }) + "\n");
    return 2;
  }
  const command = commands[name]!;
  try {
    env();
    const flags = parseFlags(argv.slice(name.split(" ").length), optionsOf(command.usage));
    const result = await (await command.load())(flags);
    io.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return 0;
  } catch (err) {
    io.stderr.write(JSON.stringify({ error: describe(err, command.usage) }) + "\n");
    return err instanceof UsageError ? 2 : 1;
  }
}
