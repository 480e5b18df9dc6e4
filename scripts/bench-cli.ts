// npm run bench:cli — how long the operator CLI takes to start and answer, run exactly as the
// README runs it (`npm run --silent cli -- …`). Each case runs BENCH_RUNS times (default 5) and
// reports the median wall time and the median CPU time (user + system of the CLI process and
// its children). The CPU time is the steadier figure on a shared machine: wall time also counts
// the time spent waiting for a core. PostgreSQL cases run when BENCH_PG_URL (default: the local
// server) answers; they use a database of their own, dropped at the end.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { randomBase62 } from "@/lib/ids";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system seconds of this process's finished children (fields 16 and 17 of /proc/self/stat). */
function childCpuSeconds(): number {
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

function runCli(args: string[], env: Record<string, string>): { wall: number; cpu: number } {
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  const res = spawnSync("npm", ["run", "--silent", "cli", "--", ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "silent", ...env }, encoding: "utf8" });
  const wall = (performance.now() - started) / 1000;
  if (res.status !== 0) throw new Error(`cli ${args.join(" ")} exited ${res.status}: ${res.stderr}`);
  return { wall, cpu: childCpuSeconds() - cpuBefore };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const round = (x: number) => Math.round(x * 100) / 100;

function measure(name: string, args: string[], env: Record<string, string>, runs = RUNS) {
  const samples = Array.from({ length: runs }, () => runCli(args, env));
  return { case: name, runs, wallSeconds: round(median(samples.map((s) => s.wall))), cpuSeconds: round(median(samples.map((s) => s.cpu))) };
}

async function postgresCases(): Promise<object[]> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  const name = `parley_bench_cli_${randomBase62(8).toLowerCase()}`;
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (err) {
    await admin.end();
    return [{ case: "PostgreSQL", skipped: `no server at ${ADMIN_URL}: ${(err as Error).message}` }];
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString() };
  try {
    runCli(["db", "migrate"], env);
    return [measure("org list, PostgreSQL", ["org", "list"], env)];
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-bench-cli-"));
  const embedded = { DATABASE_URL: "", PARLEY_DATA_DIR: dataDir };
  try {
    const results = [
      measure("--help (no database)", ["--help"], embedded),
      // The first command on a new folder creates and migrates the embedded database.
      measure("org list, new embedded folder", ["org", "list"], embedded, 1),
      measure("org list, embedded database", ["org", "list"], embedded),
      measure("org create, embedded database", ["org", "create", "--name", `Bench ${randomBase62(4)}`], embedded, 1),
      ...(await postgresCases()),
    ];
    process.stdout.write(JSON.stringify({ cpus: os.cpus().length, loadAverage: os.loadavg().map(round), results }, null, 2) + "\n");
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
