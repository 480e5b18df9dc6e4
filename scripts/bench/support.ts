// What the benchmarks against `next start` share: a throw-away PostgreSQL database, the app
// process, percentiles, and a keep-alive HTTP client. Each benchmark script holds only its
// scenarios and its goal.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { desc, sql } from "drizzle-orm";
import postgres from "postgres";
import { interviewStatusCounts } from "@/db/interview-status-counts";
import type { Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** The p-th percentile (nearest rank), rounded to 0.01 ms. */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? round2(s[Math.max(0, Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1))]!) : NaN;
}

export function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

export const machine = (loadBefore: number, note: string) => ({
  cores: os.cpus().length,
  node: process.version,
  loadAverage1m: { before: round1(loadBefore), after: round1(os.loadavg()[0]!) },
  note,
});

/**
 * A database for one run: `keep` names one to reuse (loading scale data takes minutes), else a
 * fresh one that `drop()` removes.
 */
export async function benchDatabase(prefix: string, keep: string | undefined) {
  const name = keep ?? `${prefix}_${randomBase62(8).toLowerCase()}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      if (!keep) await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await admin.end();
    },
  };
}

/** The organisation with the most interviews, from the kept counts (no count of the table). */
export async function largestOrganization(db: Db): Promise<{ id: string; interviews: number } | undefined> {
  const [row] = await db
    .select({ id: interviewStatusCounts.organizationId, interviews: sql<number>`sum(${interviewStatusCounts.n})::int` })
    .from(interviewStatusCounts)
    .groupBy(interviewStatusCounts.organizationId)
    .orderBy(desc(sql`2`))
    .limit(1);
  return row;
}

/** One production app process on `port`, on `databaseUrl`, without seed or worker. */
export function startNext(port: number, databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "10",
      AUTH_SECRET: randomBase62(40),
      PARLEY_SEED: "off",
      PARLEY_WORKER: "off",
      API_RATE_LIMIT_PER_MINUTE: "1000000",
      LOG_LEVEL: "warn",
      APP_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`port ${port} is taken by another process: set BENCH_PORT`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** Until our own process answers: if it has exited (a port taken by another server), say so. */
export async function waitReady(app: ChildProcess, port: number) {
  for (let i = 0; i < 240; i++) {
    if (app.exitCode !== null || app.signalCode !== null) throw new Error(`next start exited (${app.exitCode ?? app.signalCode}) before answering: is port ${port} taken? Set BENCH_PORT.`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`next start on port ${port} did not answer within 120 s (did you run npm run build?)`);
}

export async function stopApp(app: ChildProcess | undefined) {
  if (!app) return;
  app.kill("SIGTERM");
  await sleep(1500);
  if (app.exitCode === null) app.kill("SIGKILL");
}

// node:http with keep-alive: the load generator shares the cores with what it measures.
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export function request(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Runs `rounds` rounds of every scenario, one request at a time, shuffled in each round so a
 * busy machine slows them alike; answers each scenario's latencies in ms.
 */
export async function measure(scenarios: { name: string; run: () => Promise<{ status: number }> }[], rounds: number, warmup = 10) {
  for (let i = 0; i < warmup; i++) for (const s of scenarios) await s.run();
  const samples = new Map<string, number[]>(scenarios.map((s) => [s.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const s of shuffle([...scenarios])) {
      const started = performance.now();
      const res = await s.run();
      if (res.status !== 200) throw new Error(`${s.name} answered ${res.status}`);
      samples.get(s.name)!.push(performance.now() - started);
    }
  }
  return samples;
}

export function runMain(name: string, main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`${name} failed: ${(err as Error).stack ?? err}\n`);
      process.exit(1);
    },
  );
}
