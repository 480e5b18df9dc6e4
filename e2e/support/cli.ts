import { spawnSync } from "node:child_process";

/** Runs the Parley CLI as the README does (`npm run --silent cli -- …`), on the folder of the server under test. */
export function runCli(args: string[], env: Record<string, string>) {
  const res = spawnSync("npm", ["run", "--silent", "cli", "--", ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
