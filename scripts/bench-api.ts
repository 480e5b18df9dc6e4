// npm run bench:api — list endpoints at scale against `next start` on PostgreSQL.
// Prerequisites: `npm run build` done, PostgreSQL on 127.0.0.1:5432 (trust auth; BENCH_PG_URL
// overrides). It creates a database, loads BENCH_SCALE_INTERVIEWS interviews (default 1,000,000, a
// fifth of them in one organisation) with the scale-data generator, starts one app process,
// and measures, one request at a time, the latency of interview lists against the trivial list
// GET /api/v1/jobs?pageSize=1 in the same run. Requests of all scenarios are interleaved in a
// shuffled order each round, so a busy machine slows them alike. Prints one JSON object.
// BENCH_DB=name keeps the database under that name and reuses it on the next run (loading a
// million interviews takes minutes).
import os from "node:os";
import { desc, eq, sql } from "drizzle-orm";
import { interviewStatusCounts } from "@/db/interview-status-counts";
import { interviewStatus, interviews } from "@/db/interviews";
import { createApiKey } from "@/lib/api-keys";
import { migratePostgres, openPostgres } from "@/lib/db/postgres";
import { randomBase62 } from "@/lib/ids";
import { generateScaleData } from "@/lib/seed/scale-data";
import { assertPortFree, benchDatabase, largestOrganization, machine, measure, pct, request, round2, runMain, startNext, stopApp, waitReady } from "./bench/support";

const PORT = Number(process.env.BENCH_PORT ?? 3411);
const INTERVIEWS = Number(process.env.BENCH_SCALE_INTERVIEWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const TARGET = 1.5;

async function main() {
  const scratch = await benchDatabase("parley_bench_api", process.env.BENCH_DB);
  const databaseUrl = scratch.url;
  let app: ReturnType<typeof startNext> | undefined;
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
    app = startNext(PORT, databaseUrl, { PARLEY_BENCH: "1" });
    await waitReady(app, PORT);
    const get = (p: string) => request(`http://127.0.0.1:${PORT}${p}`, { authorization: `Bearer ${key}` });
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

    const loadBefore = os.loadavg()[0]!;
    const samples = await measure(scenarios.map(([name, p]) => ({ name, run: () => get(p) })), ROUNDS);
    const baseline = pct(samples.get(scenarios[0]![0])!, 50);
    const baselineMin = pct(samples.get(scenarios[0]![0])!, 0);
    const results = scenarios.map(([name, p]) => {
      const ms = samples.get(name)!;
      const p50 = pct(ms, 50);
      const inGoal = !name.startsWith("baseline") && !name.startsWith("(not");
      // minMs: the fastest answer, closest to the cost without the machine's other load.
      return { name, path: p, p50Ms: p50, p95Ms: pct(ms, 95), minMs: pct(ms, 0), ratio: round2(p50 / baseline), ...(inGoal ? { met: p50 / baseline <= TARGET } : {}) };
    });
    const result = {
      machine: machine(loadBefore, "load generator, one app process and PostgreSQL share the machine"),
      data: { interviews: total, organization: { interviews: org.interviews }, generatedSeconds: generated?.seconds ?? "reused" },
      method: `${ROUNDS} rounds, one request at a time, scenarios shuffled in each round; p50 of each against the baseline's`,
      target: `each p50 <= ${TARGET} × the baseline's`,
      allMet: results.every((r) => r.met !== false),
      minRatios: Object.fromEntries(results.map((r) => [r.name, round2(r.minMs / baselineMin)])),
      results,
    };
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  } finally {
    await stopApp(app);
    await scratch.drop();
  }
}

runMain("bench:api", main);
