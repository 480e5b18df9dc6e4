import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export type AppProcess = { child: ChildProcess; pid: number; baseUrl: string; kill: (signal?: NodeJS.Signals) => Promise<void> };

/** Starts tests/helpers/agent-server.ts on its own port against `databaseUrl`. */
export async function startAppProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/agent-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "silent", AUTH_SECRET: "console-session-secret-for-tests-0123456789", DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "4", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    child.stderr!.on("data", (d) => (err += d));
    child.on("close", (code) => reject(new Error(`app process exited ${code}: ${err}`)));
  });
  const { port, pid } = JSON.parse(line) as { port: number; pid: number };
  const closed = new Promise<void>((r) => child.once("close", () => r()));
  return {
    child,
    pid,
    baseUrl: `http://127.0.0.1:${port}`,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await closed;
    },
  };
}
