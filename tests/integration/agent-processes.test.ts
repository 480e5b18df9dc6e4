import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backgroundJobs } from "@/db/background-jobs";
import { interviewTurns } from "@/db/interview-turns";
import { reports } from "@/db/reports";
import { resetEnvCache } from "@/lib/env";
import type { Ctx } from "@/lib/context";
import { createTestInterview } from "../helpers/agent-fixtures";
import { secretHeaders, useAgentEnv } from "../helpers/agent-env";
import { startAppProcess, type AppProcess } from "../helpers/agent-processes";
import { SseReader } from "../helpers/agent-sse";
import { setupTestDatabase, testDbKind } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";
import { runTs } from "../helpers/spawn";
import { drainAppJobs } from "../helpers/queue";

// Real app processes sharing one PostgreSQL database: live fan-out across processes, a process
// killed mid-interview, and the simulator playing a whole interview over HTTP.
describe.skipIf(testDbKind() !== "postgres")("agent endpoints across app processes", () => {
  const db = setupTestDatabase();
  let ctx: Ctx;
  const processes: AppProcess[] = [];
  const start = async () => {
    const p = await startAppProcess(db.url()!);
    processes.push(p);
    return p;
  };

  beforeAll(async () => {
    useAgentEnv();
    ({ ctx } = await createTestOrg(db.get().db));
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill("SIGKILL")));
  });

  const postTurn = (base: string, id: string, body: unknown) =>
    fetch(`${base}/api/interviews/${id}/turns`, { method: "POST", headers: { ...secretHeaders, "content-type": "application/json" }, body: JSON.stringify(body) });

  it("a turn written through one process reaches a viewer connected to another", async () => {
    const [writer, viewer] = await Promise.all([start(), start()]);
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    const abort = new AbortController();
    const res = await fetch(`${viewer.baseUrl}/api/interviews/${id}/events`, { headers: { "x-test-org": ctx.organizationId }, signal: abort.signal });
    expect(res.status).toBe(200);
    const sse = new SseReader(res.body!);
    await new Promise((r) => setTimeout(r, 200));
    for (let n = 1; n <= 3; n++) {
      expect((await postTurn(writer.baseUrl, id, { turnNumber: n, role: n % 2 ? "agent" : "candidate", content: `turn ${n}` })).status).toBe(201);
      const [event] = await sse.turns(1, 5000);
      expect(event!.turn).toMatchObject({ turnNumber: n, content: `turn ${n}` });
    }
    abort.abort();

    // Reconnect to the writer this time, resuming: nothing repeated, the next turn arrives.
    const again = await fetch(`${writer.baseUrl}/api/interviews/${id}/events`, { headers: { "x-test-org": ctx.organizationId, "last-event-id": "0" } });
    const resumed = new SseReader(again.body!);
    const all = await resumed.turns(3);
    expect(all.map((e) => e.turn.turnNumber)).toEqual([1, 2, 3]);
    await resumed.cancel();
  });

  it("the console stream checks the real next-auth session: no cookie or a forged one is 401", async () => {
    const app = processes[0] ?? (await start());
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    expect((await fetch(`${app.baseUrl}/api/interviews/${id}/events`)).status).toBe(401);
    const forged = await fetch(`${app.baseUrl}/api/interviews/${id}/events`, { headers: { cookie: "authjs.session-token=eyJhbGciOiJIUzI1NiJ9.e30.x" } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get("content-type")).toBe("application/problem+json");
  });

  it("a process killed (SIGKILL) mid-interview loses no acknowledged turn", async () => {
    const victim = await start();
    const { id } = await createTestInterview(db.get().db, ctx, { status: "INVITED" });
    const acknowledged: number[] = [];
    // Write turns back to back and kill the process while the stream of writes is going on.
    const writing = (async () => {
      for (let n = 1; n <= 10_000; n++) {
        try {
          const res = await postTurn(victim.baseUrl, id, { turnNumber: n, role: n % 2 ? "agent" : "candidate", content: `turn ${n}`, evaluation: { n } });
          if (res.status !== 201) throw new Error(`status ${res.status}`);
          acknowledged.push(n);
        } catch {
          return;
        }
      }
    })();
    while (acknowledged.length < 25) await new Promise((r) => setTimeout(r, 5));
    await victim.kill("SIGKILL");
    await writing;

    const survivor = await start();
    const res = await fetch(`${survivor.baseUrl}/api/interviews/${id}/history`, { headers: secretHeaders });
    const history = await res.json();
    const stored = history.turns.map((t: { turnNumber: number }) => t.turnNumber);
    expect(stored.slice(0, acknowledged.length)).toEqual(acknowledged);
    // At most the one in flight when the process died landed without its acknowledgement.
    expect(stored.length - acknowledged.length).toBeLessThanOrEqual(1);
    expect(history.status).toBe("IN_PROGRESS");
    expect(history.nextTurnNumber).toBe(stored.length + 1);
  });

  it("the simulator plays a whole interview over HTTP, crashes, resumes at the right turn and finalizes", async () => {
    const app = processes.at(-1) ?? (await start());
    const { id } = await createTestInterview(db.get().db, ctx, { status: "INVITED", firstName: "Grace" });
    const out = await runTs("cli/index.ts", ["agent", "simulate", "--interview", id, "--speed", "fast", "--base-url", app.baseUrl], { DATABASE_URL: db.url() });
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const summary = JSON.parse(out.stdout);
    expect(summary).toMatchObject({ interviewId: id, status: "COMPLETED", reportStatus: "PENDING", questionsAsked: ["q1", "q2", "q3", "q4"] });
    expect(summary.crashedAfterTurn).toEqual(expect.any(Number));
    const events = summary.steps.map((s: { event: string }) => s.event);
    expect(events).toEqual(expect.arrayContaining(["retried-turn", "crash", "resumed-pending-question"]));
    expect(summary.steps.find((s: { event: string }) => s.event === "retried-turn").status).toBe(200);

    // Every turn number once, in order, no gap; every question asked exactly once.
    const turns = await db.get().db.select().from(interviewTurns).where(eq(interviewTurns.interviewId, id)).orderBy(interviewTurns.turnNumber);
    expect(turns.map((t) => t.turnNumber)).toEqual(turns.map((_, i) => i + 1));
    expect(turns.length).toBe(summary.turns);
    const asked = turns.filter((t) => t.role === "agent" && (t.evaluation as { questionId?: string } | null)?.questionId?.startsWith("q"));
    expect(asked.map((t) => (t.evaluation as { questionId: string }).questionId)).toEqual(["q1", "q2", "q3", "q4"]);
    expect(turns.filter((t) => t.isPendingQuestion)).toHaveLength(0);
    expect(turns.filter((t) => t.role === "candidate").every((t) => !t.content.endsWith("…"))).toBe(true);
    const jobs = await db.get().db.select().from(backgroundJobs).where(eq(backgroundJobs.dedupeKey, `report.generate:${summary.reportId}`));
    expect(jobs).toHaveLength(1);

    // The simulator is the reference agent: its per-turn evaluations must be what reports read,
    // so a report built without a model rates every configured criterion.
    delete process.env.OPENAI_API_KEY;
    resetEnvCache();
    await drainAppJobs(db.get().db, { kinds: ["report.generate"] });
    const [report] = await db.get().db.select().from(reports).where(eq(reports.id, summary.reportId));
    expect(report).toMatchObject({ status: "READY", model: "heuristic-v1" });
    expect(report!.scorecard!.criteria.length).toBeGreaterThan(0);
    expect(report!.scorecard!.criteria.every((c) => c.score !== null && c.evidence.length > 0)).toBe(true);
    expect(report!.overallScore).not.toBeNull();

    // A second run on the finished interview refuses (nothing to simulate), exit 1.
    const again = await runTs("cli/index.ts", ["agent", "simulate", "--interview", id, "--base-url", app.baseUrl]);
    expect(again.code).toBe(1);
  });
});
