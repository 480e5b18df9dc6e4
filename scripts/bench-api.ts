// npm run bench:api — list endpoints at scale against `next start` on PostgreSQL.
// Prerequisites: `npm run build` done, PostgreSQL on 127.0.0.1:5432 (trust auth; BENCH_PG_URL
// overrides). It creates a database, loads BENCH_SCALE_INTERVIEWS interviews (default 1,000,000, a
// fifth of them in one organisation) with the scale-data generator, starts one app process,
// and measures, one request at a time, the latency of interview lists against the trivial list
// GET /api/v1/jobs?pageSize=1 in the same run. Requests of all scenarios are interleaved in a
// shuffled order each round, so a busy machine slows them alike. Prints one JSON object.
// BENCH_DB=name keeps the database under that name and reuses it on the next run (loading a
// million interviews takes minutes).
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { interviewStatusCounts } from "@/db/interview-status-counts";
import { interviewStatus, interviews } from "@/db/interviews";
import { createApiKey } from "@/lib/api-keys";
import { migratePostgres, openPostgres } from "@/lib/db/postgres";
import type { Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";
import { generateScaleData } from "@/lib/seed/scale-data";

const ROOT = path.resolve(import.meta.dirname, "..");
const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3411);
const INTERVIEWS = Number(process.env.BENCH_SCALE_INTERVIEWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const TARGET = 1.5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.max(0, Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1))]! * 100) / 100 : NaN;
};

async function main() {
  const keep = process.env.BENCH_DB;
  const dbName = keep ?? `parley_bench_api_${randomBase62(8).toLowerCase()}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const exists = (await admin`select 1 from pg_database where datname = ${dbName}`).length > 0;
  if (!exists) await admin.unsafe(`create database "${dbName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  let app: ChildProcess | undefined;
  try {
    await migratePostgres(databaseUrl);
    const database = openPostgres(databaseUrl, { max: 2 });
    const loaded = await largestOrganization(database.db);
    const generated = loaded && loaded.interviews >= INTERVIEWS / 5 ? null : await generateScaleData(database.db, { interviews: INTERVIEWS });
    const org = loaded && !generated ? loaded : (await largestOrganization(database.db))!;
    const ctx = { organizationId: org.id, actor: { type: "system" as const, id: "bench-api" } };
    const { key } = await createApiKey(database.db, ctx, { name: `bench ${randomBase62(4)}`, scopes: ["interviews:read", "jobs:read", "candidates:read"] });
    // The job filter on the organisation's busiest job: the worst case of that filter.
    const [busiest] = await database.db
      .select({ jobId: interviews.jobId, n: sql<number>`count(*)::int` })
      .from(interviews)
      .where(eq(interviews.organizationId, org.id))
      .groupBy(interviews.jobId)
      .orderBy(desc(sql`2`))
      .limit(1);
    const [{ total } = { total: 0 }] = await database.db.select({ total: sql<number>`sum(${interviewStatusCounts.n})::int` }).from(interviewStatusCounts);
    await database.close();

    // Another server on the port would answer in our place (with a 401 for our key).
    await assertPortFree(PORT);
    app = startNext(databaseUrl);
    await waitReady(app);
    const get = (p: string) => request(`http://127.0.0.1:${PORT}${p}`, key);
    const scenarios: [string, string][] = [
      ["baseline: GET /api/v1/jobs?pageSize=1", "/api/v1/jobs?pageSize=1"],
      ["interviews, first page", "/api/v1/interviews"],
      ["interviews, page 500 (offset 9,980)", "/api/v1/interviews?page=500"],
      ...interviewStatus.enumValues.map((s): [string, string] => [`interviews ?status=${s}`, `/api/v1/interviews?status=${s}`]),
      [`interviews ?jobId= (busiest job, ${busiest!.n} interviews)`, `/api/v1/interviews?jobId=${busiest!.jobId}`],
      ["(not in the goal) interviews ?status=EXPIRED&page=500", "/api/v1/interviews?status=EXPIRED&page=500"],
      ["(not in the goal) candidates, first page", "/api/v1/candidates"],
    ];
    for (const [, p] of scenarios) {
      const res = await get(p);
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${res.body.slice(0, 300)}`);
    }
    for (let i = 0; i < 10; i++) for (const [, p] of scenarios) await get(p);

    const loadBefore = os.loadavg();
    const samples = new Map<string, number[]>(scenarios.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, p] of shuffle([...scenarios])) {
        const started = performance.now();
        const res = await get(p);
        if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
        samples.get(name)!.push(performance.now() - started);
      }
    }
    const baseline = pct(samples.get(scenarios[0]![0])!, 50);
    const baselineMin = pct(samples.get(scenarios[0]![0])!, 0);
    const results = scenarios.map(([name, p]) => {
      const ms = samples.get(name)!;
      const p50 = pct(ms, 50);
      const inGoal = !name.startsWith("baseline") && !name.startsWith("(not");
      // minMs: the fastest answer, closest to the cost without the machine's other load.
      return { name, path: p, p50Ms: p50, p95Ms: pct(ms, 95), minMs: pct(ms, 0), ratio: Math.round((p50 / baseline) * 100) / 100, ...(inGoal ? { met: p50 / baseline <= TARGET } : {}) };
    });
    const result = {
      machine: { cores: os.cpus().length, node: process.version, loadAverage1m: { before: round1(loadBefore[0]!), after: round1(os.loadavg()[0]!) }, note: "load generator, one app process and PostgreSQL share the machine" },
      data: { interviews: total, organization: { interviews: org.interviews }, generatedSeconds: generated?.seconds ?? "reused" },
      method: `${ROUNDS} rounds, one request at a time, scenarios shuffled in each round; p50 of each against the baseline's`,
      target: `each p50 <= ${TARGET} × the baseline's`,
      allMet: results.every((r) => r.met !== false),
      minRatios: Object.fromEntries(results.map((r) => [r.name, Math.round((r.minMs / baselineMin) * 100) / 100])),
      results,
    };
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  } finally {
    if (app) {
      app.kill("SIGTERM");
      await sleep(1500);
      if (app.exitCode === null) app.kill("SIGKILL");
    }
    if (!keep) await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin.end();
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The organisation with the most interviews, from the kept counts (no count of the table). */
async function largestOrganization(db: Db): Promise<{ id: string; interviews: number } | undefined> {
  const [row] = await db
    .select({ id: interviewStatusCounts.organizationId, interviews: sql<number>`sum(${interviewStatusCounts.n})::int` })
    .from(interviewStatusCounts)
    .groupBy(interviewStatusCounts.organizationId)
    .orderBy(desc(sql`2`))
    .limit(1);
  return row;
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

function startNext(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "10",
      AUTH_SECRET: randomBase62(40),
      PARLEY_SEED: "off",
      PARLEY_WORKER: "off",
      PARLEY_BENCH: "1",
      API_RATE_LIMIT_PER_MINUTE: "1000000",
      LOG_LEVEL: "warn",
      APP_URL: `http://127.0.0.1:${PORT}`,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`port ${port} is taken by another process: set BENCH_PORT`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** Until our own process answers: if it has exited (a port taken by another server), say so. */
async function waitReady(app: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (app.exitCode !== null || app.signalCode !== null) throw new Error(`next start exited (${app.exitCode ?? app.signalCode}) before answering: is port ${PORT} taken? Set BENCH_PORT.`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`next start on port ${PORT} did not answer within 120 s (did you run npm run build?)`);
}

// node:http with keep-alive: the load generator shares the cores with what it measures.
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function request(url: string, key: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers: { authorization: `Bearer ${key}` }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench:api failed: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
