import { spawnSync } from "node:child_process";

/** Runs the Parley CLI against the same embedded folder as the server under test. */
export function runCli(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
