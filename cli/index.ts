import { AppError } from "@/lib/errors";
import { closeDatabase } from "@/lib/db/client";
import { EnvError, env } from "@/lib/env";
import { parseFlags, UsageError } from "./args";
import type { Command } from "./command";
import { agentCommands } from "./commands/agent";
import { apiKeyCommands } from "./commands/api-key";
import { dbCommands } from "./commands/db";
import { jobCommands } from "./commands/jobs";
import { orgCommands } from "./commands/org";
import { outboxCommands } from "./commands/outbox";
import { userCommands } from "./commands/user";

// Operators' and scripts' entry point: `npm run --silent cli -- <command> [--flags]`.
// Every command prints one JSON object on stdout; errors go to stderr with a non-zero exit.
const commands: Record<string, Command> = { ...orgCommands, ...apiKeyCommands, ...userCommands, ...dbCommands, ...outboxCommands, ...jobCommands };

Object.assign(commands, agentCommands);

function usage(): string {
  return ["Usage: npm run --silent cli -- <command> [flags]", "", ...Object.values(commands).map((c) => `  ${c.usage}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const words = argv.filter((a, i) => !a.startsWith("--") && argv.slice(0, i).every((b) => !b.startsWith("--")));
  const name = [words.slice(0, 2).join(" "), words[0] ?? ""].find((n) => n in commands);
  if (argv.includes("--help") || argv.length === 0) {
    process.stdout.write(usage() + "\n");
    return 0;
  }
  if (!name) {
    process.stderr.write(JSON.stringify({ error: { code: "usage", message: `Unknown command "${words.join(" ")}".\n\n${usage()}` } }) + "\n");
    return 2;
  }
  try {
    env();
    const flags = parseFlags(argv.slice(name.split(" ").length));
    const result = await commands[name]!.run(flags);
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    return 0;
  } catch (err) {
    const error =
      err instanceof AppError
        ? { code: err.code, message: err.message, ...(err.errors ? { errors: err.errors } : {}) }
        : err instanceof UsageError
          ? { code: "usage", message: `${err.message}\n\n${commands[name]!.usage}` }
          : err instanceof EnvError
            ? { code: "invalid_environment", message: err.message }
            : { code: (err as Error).name === "EmbeddedDatabaseLockedError" ? "database_locked" : "error", message: (err as Error).message ?? String(err) };
    process.stderr.write(JSON.stringify({ error }) + "\n");
    return err instanceof UsageError ? 2 : 1;
  } finally {
    await closeDatabase().catch(() => {});
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
