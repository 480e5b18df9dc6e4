import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { interviewConfigs } from "@/db/interview-configs";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import { webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { newId } from "@/lib/ids";
import type { Criterion, ScoreBands } from "@/lib/interview-configs/schema";
import { snapshotOf } from "@/lib/interviews/references";
import { generateReportJob } from "@/lib/reports/job";
import { COMPLETED_TRANSCRIPT, type DemoTurn } from "@/lib/seed/demo-data";
import { setupTestDatabase } from "./db";
import { createTestOrg } from "./factories";
import { insertCandidate, insertInterview, insertJob } from "./interview-fixtures";
import { startOpenAIServer, type OpenAIServer } from "./openai-server";

/** A completed interview with its transcript and a PENDING report v1, as finalize leaves it. */
export async function completedInterview(
  d: Db,
  c: Ctx,
  options: { transcript?: DemoTurn[]; criteria?: Criterion[]; scoreBands?: ScoreBands; inProgress?: boolean } = {},
) {
  const [config] = await d.select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, c.organizationId));
  const configSnapshot = {
    ...snapshotOf(config!),
    criteria: options.criteria ?? config!.criteria,
    scoreBands: options.scoreBands ?? config!.scoreBands,
    version: 3,
  };
  const ref = { candidateId: await insertCandidate(d, c), jobId: await insertJob(d, c, "Senior Backend Engineer") };
  const { interview } = await insertInterview(d, c, ref, options.inProgress ? { status: "IN_PROGRESS", startedAt: new Date(Date.now() - 600_000), configSnapshot } : { status: "COMPLETED", configSnapshot });
  const interviewId = interview.id;
  const transcript = options.transcript ?? COMPLETED_TRANSCRIPT;
  for (const [i, turn] of transcript.entries()) {
    await d.insert(interviewTurns).values({
      id: newId("turn"),
      organizationId: c.organizationId,
      interviewId,
      turnNumber: i + 1,
      role: turn.role,
      content: turn.content,
      evaluation: turn.evaluation ?? null,
    });
  }
  if (options.inProgress) return { interviewId, reportId: "", transcript };
  const reportId = newId("report");
  await d.insert(reports).values({ id: reportId, organizationId: c.organizationId, interviewId, version: 1, status: "PENDING" });
  return { interviewId, reportId, transcript };
}

export const answer = (body: unknown) => ({ content: JSON.stringify(body) });

/**
 * A report test file's world: its database, a local server speaking the OpenAI API with the
 * SDK pointed at it, an organisation, and helpers to run the job and read the results.
 */
export function setupReportTests() {
  const database = setupTestDatabase();
  const db = () => database.get().db;
  const state: { server?: OpenAIServer; ctx?: Ctx } = {};
  const saved = { ...process.env };

  beforeAll(async () => {
    state.server = await startOpenAIServer();
    ({ ctx: state.ctx } = await createTestOrg(db()));
  });
  afterAll(() => state.server?.close());
  beforeEach(() => {
    process.env.OPENAI_API_KEY = "sk-test-local";
    process.env.OPENAI_BASE_URL = state.server!.baseUrl;
    process.env.OPENAI_MODEL = "gpt-4o";
    resetEnvCache();
    state.server!.requests.length = 0;
  });
  afterEach(() => {
    for (const key of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "REPORT_CONCURRENCY"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetEnvCache();
  });

  /** Runs the handler as the queue would for one attempt; returns the error it threw, if any. */
  async function runJob(reportId: string, attempt = 1, maxAttempts = 3, c: Ctx = state.ctx!): Promise<unknown> {
    try {
      await generateReportJob.handler(db(), { id: "bj_test", kind: generateReportJob.kind, payload: { reportId }, organizationId: c.organizationId, attempt, maxAttempts });
      return undefined;
    } catch (err) {
      return err;
    }
  }

  async function subscribe(c: Ctx, eventTypes: string[]) {
    const id = newId("webhookEndpoint");
    await db().insert(webhookEndpoints).values({ id, organizationId: c.organizationId, url: "https://hooks.example.com/parley", secret: "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=", eventTypes });
    return id;
  }

  /** Another organisation with one webhook endpoint subscribed to these events. */
  async function freshOrgWithEndpoint(eventTypes: string[]) {
    const { ctx: c } = await createTestOrg(db());
    return { c, endpointId: await subscribe(c, eventTypes) };
  }

  return {
    db,
    freshOrgWithEndpoint,
    server: () => state.server!,
    ctx: () => state.ctx!,
    runJob,
    subscribe,
    reportRow: async (id: string) => (await db().select().from(reports).where(eq(reports.id, id)))[0]!,
    interviewRow: async (id: string) => (await db().select().from(interviews).where(eq(interviews.id, id)))[0]!,
    deliveriesOf: (endpointId: string) => db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)),
  };
}
