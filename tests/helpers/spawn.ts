import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * Runs a TypeScript entry point (a helper, the simulator) in a child process. Pass the test's
 * `signal`: a test that times out then kills its child instead of leaving it behind.
 */
export function runTs(script: string, args: string[], env: Record<string, string | undefined> = {}, signal?: AbortSignal) {
  return run(process.execPath, ["--import", "tsx", script, ...args], env, signal);
}

/** The CLI exactly as the README runs it: `npm run --silent cli -- …` (package.json's node flags included). */
export function runCliProcess(args: string[], env: Record<string, string | undefined> = {}, signal?: AbortSignal) {
  return run("npm", ["run", "--silent", "cli", "--", ...args], env, signal);
}

function run(command: string, args: string[], env: Record<string, string | undefined>, signal?: AbortSignal) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      signal,
    });
    child.on("error", () => {}); // an abort kills the child; "close" still follows
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Starts a long-running child and resolves with it once it printed its first line. */
export function startTs(script: string, args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "silent" } });
  const firstLine = new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => reject(new Error(`child exited ${code}: ${err}`)));
  });
  return { child, firstLine };
}
