import type { Flags } from "./args";

/** Where main() writes its result and its errors: process.stdout/stderr, or a test's buffers. */
export type CliIo = { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } };

export type Run = (flags: Flags) => Promise<unknown>;

/**
 * A command's usage line, and its code loaded only when it runs: `--help`, a usage error or
 * `agent simulate` never load the database driver, and each command loads only its own module.
 */
export type Command = { usage: string; load: () => Promise<Run> };
