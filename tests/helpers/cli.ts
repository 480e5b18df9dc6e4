import { main } from "@/cli/main";

/**
 * Runs a CLI command in this process, on the database the test file installed: its exit code,
 * what it wrote, and that parsed (the JSON result on success, the `error` object on failure).
 */
export async function runCli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return {
    code,
    stdout,
    stderr,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a command's JSON, asserted on by shape
    json: (code === 0 && stdout.startsWith("{") ? JSON.parse(stdout) : null) as any,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    error: (stderr ? JSON.parse(stderr).error : null) as any,
  };
}
