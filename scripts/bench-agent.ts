// npm run bench:agent — the voice agent's write path and live fan-out against `next start` on
// PostgreSQL. Prerequisites: `npm run build` done, PostgreSQL on 127.0.0.1:5432 (trust auth;
// BENCH_PG_URL overrides). It creates its own database, organisation and interviews, starts
// two app processes on loopback ports, measures, prints one JSON object, stops them and drops
// the database. Bounded: every phase has a fixed duration or count.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { migratePostgres, openPostgres } from "@/lib/db/postgres";
import { randomBase62 } from "@/lib/ids";
import { createOrganization } from "@/lib/organizations";
import { createTestInterview } from "../tests/helpers/agent-fixtures";
import { SseReader } from "../tests/helpers/agent-sse";

const ROOT = path.resolve(import.meta.dirname, "..");
const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const AGENT_SECRET = `bench-agent-secret-${randomBase62(16)}`;
const AUTH_SECRET = randomBase62(40);
const PORTS = [Number(process.env.BENCH_PORT ?? 3211), Number(process.env.BENCH_PORT ?? 3211) + 1];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const INTERVIEWS = 500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10 : NaN;
};

async function main() {
  const dbName = `parley_bench_${randomBase62(8).toLowerCase()}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const apps: ChildProcess[] = [];
  try {
    await migratePostgres(databaseUrl);
    const database = openPostgres(databaseUrl, { max: 4 });
    const org = await createOrganization(database.db, { type: "system", id: "bench" }, { name: "Bench", slug: `bench-${randomBase62(6).toLowerCase()}` });
    const ctx = { organizationId: org.id, actor: { type: "system" as const, id: "bench" } };
    const ids: string[] = [];
    for (let i = 0; i < INTERVIEWS + 60; i++) ids.push((await createTestInterview(database.db, ctx, { status: "IN_PROGRESS" })).id);
    await database.close();

    for (const port of PORTS) apps.push(startNext(port, databaseUrl));
    await Promise.all(PORTS.map((p) => waitReady(p)));
    const [a, b] = PORTS.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    const nextTurn = new Map<string, number>();
    const turnBody = (n: number) =>
      JSON.stringify({ turnNumber: n, role: n % 2 ? "agent" : "candidate", content: `Turn ${n}: a sentence or two of transcript, as the agent sends it.`, evaluation: { questionId: "q1", criteria: { communication: 4 } } });
    const headers = { "x-agent-secret": AGENT_SECRET, "content-type": "application/json" };
    const writeTurn = async (base: string, id: string) => {
      const n = (nextTurn.get(id) ?? 0) + 1;
      nextTurn.set(id, n);
      const res = await request(`${base}/api/interviews/${id}/turns`, { method: "POST", headers, body: turnBody(n) });
      if (res.status !== 201) throw new Error(`turn write answered ${res.status}`);
      return n;
    };
    // The second baseline: the same body POSTed to a route that only parses it.
    const postBody = async (i: number) => {
      const res = await request(`${a}/api/_bench/parse`, { method: "POST", headers, body: turnBody(i + 1) });
      if (res.status !== 200) throw new Error(`parse route answered ${res.status}`);
    };

    // Warm both processes (JIT, route compilation, connection pools).
    await closedLoop(3, 16, () => request(`${a}/api/_bench/ping`));
    await closedLoop(3, 16, (_, i) => postBody(i));
    await closedLoop(3, 16, (w, i) => writeTurn(i % 2 ? a : b, ids[w]!));

    // (a) Throughput, closed loop: 16 clients back to back on one process. The three are run
    // in turns of SECONDS / 5, in a shuffled order each round, so that a machine whose other
    // load comes and goes slows all three alike and their ratios stay meaningful.
    const { ping, posts, writes } = await interleavedClosedLoops(SECONDS, 5, 16, {
      ping: () => request(`${a}/api/_bench/ping`),
      posts: (_, i) => postBody(i),
      writes: (w) => writeTurn(a, ids[w]!),
    });

    // (b) Open loop: 250 turn writes/s spread over 500 interviews for SECONDS seconds, across both processes.
    // One app process takes the sustained load: on 2 cores a second Next process only competes
    // with the first (and with the load generator) for the same CPU. BENCH_SPREAD=1 splits it.
    const spread = process.env.BENCH_SPREAD === "1";
    const latencies = await openLoop(250, SECONDS, (i) => writeTurn(spread && i % 2 ? b : a, ids[i % INTERVIEWS]!));

    // (c) Live fan-out: a viewer per interview on process B, turns written through process A.
    const fanout = await measureFanout(a, b, org.id, ids.slice(INTERVIEWS, INTERVIEWS + 50), writeTurn);

    const result = {
      machine: { cores: (await import("node:os")).cpus().length, node: process.version, note: "load generator, two app processes and PostgreSQL share the machine" },
      throughput: {
        trivialRoutePerSecond: Math.round(ping.rate),
        postBodyRoutePerSecond: Math.round(posts.rate),
        turnWritesPerSecond: Math.round(writes.rate),
        ratio: Math.round((writes.rate / ping.rate) * 1000) / 1000,
        ratioToPostBody: Math.round((writes.rate / posts.rate) * 1000) / 1000,
        target: ">= 0.6 of the constant GET",
        note: "ratioToPostBody: the turn write against a POST of the same body that is only parsed, i.e. what comes after the framework's cost of a POST body",
        errors: writes.errors + posts.errors,
      },
      sustained250PerSecond: { sent: latencies.sent, errors: latencies.errors, p50Ms: pct(latencies.ms, 50), p95Ms: pct(latencies.ms, 95), p99Ms: pct(latencies.ms, 99), maxMs: pct(latencies.ms, 100), target: "p99 < 100 ms" },
      liveFanout: { samples: fanout.length, p50Ms: pct(fanout, 50), p95Ms: pct(fanout, 95), maxMs: pct(fanout, 100), target: "p95 < 100 ms (POST answered on process A → event at a viewer on process B)" },
    };
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  } finally {
    for (const app of apps) app.kill("SIGTERM");
    await sleep(1500);
    for (const app of apps) if (app.exitCode === null) app.kill("SIGKILL");
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin.end();
  }
}

function startNext(port: number, databaseUrl: string): ChildProcess {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "10", AGENT_SECRET, AUTH_SECRET, PARLEY_SEED: "off", PARLEY_WORKER: "off", PARLEY_BENCH: "1", LOG_LEVEL: "warn", APP_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function waitReady(port: number) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/_bench/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`next start on port ${port} did not answer within 60 s (did you run npm run build?)`);
}

async function closedLoop(seconds: number, workers: number, task: (worker: number, i: number) => Promise<unknown>) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; performance.now() < until; i++) {
        try {
          await task(w, i);
          done++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { rate: done / elapsed, done, seconds: elapsed, errors };
}

/** Each task's closed loop, `rounds` turns of `seconds / rounds` each, in a shuffled order per round. */
async function interleavedClosedLoops<K extends string>(seconds: number, rounds: number, workers: number, tasks: Record<K, (worker: number, i: number) => Promise<unknown>>) {
  const names = Object.keys(tasks) as K[];
  const sums = Object.fromEntries(names.map((k) => [k, { done: 0, seconds: 0, errors: 0 }])) as Record<K, { done: number; seconds: number; errors: number }>;
  for (let round = 0; round < rounds; round++) {
    const order = [...names];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const name of order) {
      const run = await closedLoop(seconds / rounds, workers, tasks[name]);
      sums[name].done += run.done;
      sums[name].seconds += run.seconds;
      sums[name].errors += run.errors;
    }
  }
  return Object.fromEntries(names.map((k) => [k, { rate: sums[k].done / sums[k].seconds, errors: sums[k].errors }])) as Record<K, { rate: number; errors: number }>;
}

/** Starts requests on a fixed schedule whatever the answers take, so slow answers show as latency. */
async function openLoop(perSecond: number, seconds: number, task: (i: number) => Promise<unknown>) {
  const total = perSecond * seconds;
  const ms: number[] = [];
  let errors = 0;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inflight.push(
      task(i).then(
        () => void ms.push(performance.now() - due),
        () => void errors++,
      ),
    );
  }
  await Promise.all(inflight);
  return { sent: total, errors, ms };
}

async function measureFanout(writer: string, viewer: string, organizationId: string, ids: string[], writeTurn: (base: string, id: string) => Promise<number>) {
  // A real console session cookie, as next-auth issues it at sign-in.
  const cookieName = "authjs.session-token";
  const token = await encode({ token: { sub: "usr_bench", uid: "usr_bench", organizationId, organizationName: "Bench", role: "owner" }, secret: AUTH_SECRET, salt: cookieName });
  const viewers = await Promise.all(
    ids.map(async (id) => {
      const abort = new AbortController();
      const res = await fetch(`${viewer}/api/interviews/${id}/events`, { headers: { cookie: `${cookieName}=${token}` }, signal: abort.signal });
      if (res.status !== 200) throw new Error(`events answered ${res.status}`);
      return { id, abort, sse: new SseReader(res.body!) };
    }),
  );
  await sleep(500);
  const samples: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (const v of viewers) {
      const arrival = v.sse.turns(1, 5000).then(() => performance.now());
      await writeTurn(writer, v.id);
      const answered = performance.now();
      samples.push(Math.max(0, (await arrival) - answered));
      await sleep(20);
    }
  }
  for (const v of viewers) {
    v.abort.abort();
    await v.sse.cancel();
  }
  return samples;
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench:agent failed: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);

// The load generator shares the 2 cores with what it measures, so it must be cheap: node:http
// with keep-alive (fetch costs noticeably more per request, and more for a POST than a GET,
// which would penalise the write path in the comparison).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: { ...init.headers, ...(init.body ? { "content-length": Buffer.byteLength(init.body) } : {}) }, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}
