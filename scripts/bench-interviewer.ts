// `npm run bench:interviewer`: 50 written interviews at once, through the candidate's route
// handlers (called in-process as Next calls them), against a local OpenAI-speaking server with
// a fixed latency. Every candidate message waits for the interviewer's reply (one model call);
// the script measures message → reply and checks that nothing was lost or written twice.
//
//   npm run bench:interviewer                    # embedded database (PGlite, in memory)
//   npm run bench:interviewer -- --pg            # a scratch database on PARLEY_TEST_PG_URL
//   BENCH_INTERVIEWS=100 BENCH_LATENCY_MS=500 npm run bench:interviewer
import { and, eq } from "drizzle-orm";
import { candidates } from "@/db/candidates";
import { interviewConfigs } from "@/db/interview-configs";
import { interviewMessages } from "@/db/interview-messages";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { setDatabase } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { newId, randomBase62 } from "@/lib/ids";
import { findInvitation } from "@/lib/interviews/invitation-link";
import { consentNotice } from "@/lib/invite/notice";
import { createOrganization } from "@/lib/organizations";
import { POST as joinRoute } from "../app/api/invite/[token]/join/route";
import { POST as messagesRoute } from "../app/api/invite/[token]/messages/route";
import { call } from "../tests/helpers/http";
import { startOpenAIServer, type ChatRequest } from "../tests/helpers/openai-server";
import { insertInterviewRow } from "@/lib/seed/interview-rows";
import { openScratchDatabase } from "./bench/scratch-database";

const COUNT = Number(process.env.BENCH_INTERVIEWS ?? 50);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 300);
const usePostgres = process.argv.includes("--pg");

const ANSWERS = [
  "I studied computer science and spent five years building payment APIs.",
  "I led the migration of our billing system to event sourcing and wrote the replay tooling.",
  "During an outage I bisected a bad deploy in twenty minutes and rolled it back.",
  "I want to own a service end to end and mentor a junior engineer.",
];

async function seed(database: Database) {
  const db = database.db;
  const org = await createOrganization(db, { type: "system", id: "bench" }, { name: "Bench", slug: `bench-${randomBase62(8).toLowerCase()}` });
  const [config] = await db.select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, org.id));
  const jobId = newId("job");
  await db.insert(jobs).values({ id: jobId, organizationId: org.id, title: "Senior Backend Engineer" });
  const out: { id: string; token: string }[] = [];
  for (let i = 0; i < COUNT; i++) {
    const candidateId = newId("candidate");
    await db.insert(candidates).values({ id: candidateId, organizationId: org.id, firstName: "Bench", lastName: `#${i}`, email: `bench${i}@example.com` });
    const { interview, token } = await insertInterviewRow(db, { organizationId: org.id, candidateId, jobId, config: config! });
    const id = interview.id;
    out.push({ id, token });
  }
  return { organizationId: org.id, interviews: out, questions: config!.questions.length };
}

/** The interviewer's decision for any step: an answer, rated 3 on every criterion, no follow-up. */
function decision(req: ChatRequest) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const keys: string[] = (req.response_format?.json_schema?.schema as any)?.properties?.ratings?.items?.properties?.key?.enum ?? [];
  return { content: JSON.stringify({ intent: "answer", needsFollowUp: false, followUp: null, ratings: keys.map((key) => ({ key, score: 3, evidence: [] })) }) };
}

async function main() {
  const server = await startOpenAIServer({ latencyMs: LATENCY_MS, fallback: decision });
  process.env.OPENAI_API_KEY = "sk-bench";
  process.env.OPENAI_BASE_URL = server.baseUrl;
  process.env.LOG_LEVEL ??= "warn";
  resetEnvCache();
  const { database, drop } = await openScratchDatabase({ postgres: usePostgres });
  setDatabase(database);
  try {
    const world = await seed(database);
    const replies: number[] = [];
    let sent = 0;
    const errors: string[] = [];

    const one = async ({ token }: { token: string }, n: number) => {
      const view = await findInvitation(database.db, token);
      if (view.state !== "open") throw new Error("closed");
      const headers = { "x-forwarded-for": `10.1.${n >> 8}.${n & 255}` };
      const join = await call(joinRoute, { method: "POST", path: "/join", params: { token }, headers, body: { consent: true, mode: "text", noticeVersion: consentNotice(view).version } });
      if (join.status !== 200) return void errors.push(`join ${join.status}`);
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        const res = await call(messagesRoute, { method: "POST", path: "/messages", params: { token }, headers, body: { clientMessageId: `m-${i}`, content: ANSWERS[i % ANSWERS.length] } });
        replies.push(performance.now() - started);
        sent += 1;
        if (res.status !== 200) return void errors.push(`message ${res.status} ${res.json?.code}`);
        if (res.json.done) return;
      }
      errors.push("did not end");
    };

    const started = performance.now();
    await Promise.all(world.interviews.map((it, n) => one(it, n)));
    const wallMs = performance.now() - started;

    const db = database.db;
    const turns = await db.select().from(interviewTurns).where(eq(interviewTurns.organizationId, world.organizationId));
    const messages = await db.select().from(interviewMessages).where(eq(interviewMessages.organizationId, world.organizationId));
    const rows = await db.select({ id: interviews.id, status: interviews.status }).from(interviews).where(and(eq(interviews.organizationId, world.organizationId)));
    const byInterview = new Map<string, typeof turns>();
    for (const t of turns) byInterview.set(t.interviewId, [...(byInterview.get(t.interviewId) ?? []), t]);
    const contiguous = [...byInterview.values()].every((ts) => ts.map((t) => t.turnNumber).sort((a, b) => a - b).every((n, i) => n === i + 1));
    const eachQuestionOnce = [...byInterview.values()].every((ts) => {
      const asked = ts.filter((t) => t.evaluation?.action === "question").map((t) => t.evaluation!.questionId);
      return asked.length === world.questions && new Set(asked).size === asked.length;
    });
    const candidateTurns = turns.filter((t) => t.role === "candidate").length;

    const sorted = [...replies].sort((a, b) => a - b);
    const pct = (p: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
    const checks = {
      "no errors": errors.length === 0,
      "every interview COMPLETED": rows.length === COUNT && rows.every((r) => r.status === "COMPLETED"),
      "turn numbers 1..n in every interview": byInterview.size === COUNT && contiguous,
      "each configured question asked once": eachQuestionOnce,
      "one candidate turn per message sent": candidateTurns === sent && messages.length === sent,
      "p95 message → reply ≤ model latency + 100 ms": pct(95) <= LATENCY_MS + 100,
    };
    console.log(
      JSON.stringify(
        {
          database: database.kind,
          interviews: COUNT,
          modelLatencyMs: LATENCY_MS,
          messages: sent,
          wallMs: Math.round(wallMs),
          messageToReplyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: pct(100) },
          modelCalls: server.requests.length,
          modelCallsMaxInFlight: server.maxInFlight(),
          errors: errors.slice(0, 5),
          checks,
        },
        null,
        2,
      ),
    );
    if (Object.values(checks).some((ok) => !ok)) process.exitCode = 1;
  } finally {
    setDatabase(undefined);
    await drop();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
