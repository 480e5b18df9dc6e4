import { parseArgs } from "node:util";

export type Flags = Record<string, string | undefined>;

export class UsageError extends Error {}

/**
 * The options a usage line names (`org create --name NAME [--slug SLUG]` → name, slug), each
 * taking a value: the help text is the one list of what a command accepts, so the two cannot
 * disagree.
 */
export function optionsOf(usage: string): string[] {
  return [...new Set(Array.from(usage.matchAll(/--([a-z][a-z-]*)/g), (m) => m[1]!))];
}

/**
 * `--name Acme --slug=acme` → { name: "Acme", slug: "acme" }, by node:util's parseArgs in strict
 * mode: an option the command does not take, an option without its value, or a bare word is a
 * usage error naming it.
 */
export function parseFlags(argv: string[], options: string[]): Flags {
  try {
    const { values } = parseArgs({ args: argv, options: Object.fromEntries(options.map((o) => [o, { type: "string" as const }])), strict: true, allowPositionals: false });
    return values as Flags;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS_")) throw new UsageError((err as Error).message);
    throw err;
  }
}

export function required(flags: Flags, name: string): string {
  const v = flags[name];
  if (v === undefined || v === "") throw new UsageError(`--${name} is required.`);
  return v;
}

export function optional(flags: Flags, name: string): string | undefined {
  return flags[name];
}
