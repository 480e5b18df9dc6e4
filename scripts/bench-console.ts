// npm run bench:console — the console's server-rendered interview list at scale, side by side
// with the public API's list (issue #8's goal: each within 2× of the equivalent API call).
// Prerequisites: `npm run build` done, PostgreSQL on 127.0.0.1:5432 (BENCH_PG_URL overrides).
// It creates a database, loads BENCH_SCALE_INTERVIEWS interviews (default 200,000) all in one
// organisation with the scale-data generator, starts one app process, signs a recruiter in
// through the real sign-in form's API, and measures one request at a time, scenarios shuffled
// in each round. The dashboard is measured too (no API equivalent: its time is reported).
// BENCH_DB=name keeps the database and reuses it on the next run. Prints one JSON object.
import os from "node:os";
import { createApiKey } from "@/lib/api-keys";
import { migratePostgres, openPostgres } from "@/lib/db/postgres";
import { randomBase62 } from "@/lib/ids";
import { generateScaleData } from "@/lib/seed/scale-data";
import { createUser } from "@/lib/users";
import { assertPortFree, benchDatabase, largestOrganization, machine, measure, pct, request, round2, runMain, startNext, stopApp, waitReady } from "./bench/support";

const PORT = Number(process.env.BENCH_PORT ?? 3412);
const INTERVIEWS = Number(process.env.BENCH_SCALE_INTERVIEWS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const TARGET = 2;
const PAGE_SIZE = 25; // the console's page size (lib/console/interview-list.ts)

async function main() {
  const scratch = await benchDatabase("parley_bench_console", process.env.BENCH_DB);
  let app: ReturnType<typeof startNext> | undefined;
  try {
    await migratePostgres(scratch.url);
    const database = openPostgres(scratch.url, { max: 2 });
    const loaded = await largestOrganization(database.db);
    const generated = loaded && loaded.interviews >= INTERVIEWS ? null : await generateScaleData(database.db, { interviews: INTERVIEWS, largestShare: 1 });
    const org = (await largestOrganization(database.db))!;
    const ctx = { organizationId: org.id, actor: { type: "system" as const, id: "bench-console" } };
    const { key } = await createApiKey(database.db, ctx, { name: `bench ${randomBase62(4)}`, scopes: ["interviews:read"] });
    const login = { email: `bench-${randomBase62(8).toLowerCase()}@example.com`, password: randomBase62(20) };
    await createUser(database.db, ctx, { ...login, role: "recruiter" });
    await database.close();

    await assertPortFree(PORT);
    app = startNext(PORT, scratch.url);
    await waitReady(app, PORT);
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await signIn(base, login);
    const api = (p: string) => () => request(`${base}${p}`, { authorization: `Bearer ${key}` });
    const page = (p: string) => () => request(`${base}${p}`, { cookie });

    const pairs: { name: string; console: string; api: string }[] = [
      { name: "first page", console: "/interviews", api: `/api/v1/interviews?pageSize=${PAGE_SIZE}` },
      { name: "status=COMPLETED", console: "/interviews?status=COMPLETED", api: `/api/v1/interviews?status=COMPLETED&pageSize=${PAGE_SIZE}` },
      { name: "page 500", console: "/interviews?page=500", api: `/api/v1/interviews?page=500&pageSize=${PAGE_SIZE}` },
    ];
    const scenarios = [
      ...pairs.flatMap((p) => [
        { name: `console ${p.name}`, run: page(p.console) },
        { name: `api ${p.name}`, run: api(p.api) },
      ]),
      { name: "console dashboard /", run: page("/") },
    ];
    for (const s of scenarios) {
      const res = await s.run();
      if (res.status !== 200) throw new Error(`${s.name} answered ${res.status}: ${res.body.slice(0, 300)}`);
      // A console page that redirected to sign in would be a 307, not 200; the list must show rows.
      if (s.name.startsWith("console ") && s.name !== "console dashboard /" && !res.body.includes("/interviews/int_")) throw new Error(`${s.name} shows no interview`);
    }
    const loadBefore = os.loadavg()[0]!;
    const samples = await measure(scenarios, ROUNDS, 5);
    const results = pairs.map((p) => {
      const c = samples.get(`console ${p.name}`)!;
      const a = samples.get(`api ${p.name}`)!;
      const ratio = round2(pct(c, 50) / pct(a, 50));
      return { name: p.name, console: { path: p.console, p50Ms: pct(c, 50), p95Ms: pct(c, 95) }, api: { path: p.api, p50Ms: pct(a, 50), p95Ms: pct(a, 95) }, ratio, met: ratio <= TARGET };
    });
    const dashboard = samples.get("console dashboard /")!;
    const result = {
      machine: machine(loadBefore, "load generator, one app process and PostgreSQL share the machine"),
      data: { organization: { interviews: org.interviews }, generatedSeconds: generated?.seconds ?? "reused" },
      method: `${ROUNDS} rounds, one request at a time, scenarios shuffled in each round; the console page's p50 against the API call's`,
      target: `each console p50 <= ${TARGET} × the API's`,
      allMet: results.every((r) => r.met),
      results,
      dashboard: { path: "/", p50Ms: pct(dashboard, 50), p95Ms: pct(dashboard, 95) },
    };
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  } finally {
    await stopApp(app);
    await scratch.drop();
  }
}

/** Signs in as a browser does (CSRF token, then the credentials callback); answers the session cookie. */
async function signIn(base: string, login: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ ...login, csrfToken, callbackUrl: `${base}/` }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => /^authjs\.session-token=./.test(c));
  if (!session) throw new Error(`sign-in failed: ${res.status} ${res.headers.get("location")}`);
  return session;
}

runMain("bench:console", main);
