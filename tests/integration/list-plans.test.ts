import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleListParams, listConsoleInterviews } from "@/lib/console/interview-list";
import { candidates } from "@/db/candidates";
import { interviewStatus, interviews } from "@/db/interviews";
import { listCampaigns } from "@/lib/campaigns/read";
import { listCandidates } from "@/lib/candidates/read";
import type { Ctx } from "@/lib/context";
import { COUNT_PAST_PAGE } from "@/lib/db/newest-first";
import { rowsOf, type Db } from "@/lib/db/types";
import { listInterviewConfigs } from "@/lib/interview-configs/read";
import { listInterviews } from "@/lib/interviews/list";
import { countInterviewsByStatus } from "@/lib/interviews/stats";
import { listJobs } from "@/lib/jobs/read";
import { generateScaleData } from "@/lib/seed/scale-data";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { setupTestDatabase, testDbKind } from "../helpers/db";
import { explainAnalyze, planOutline, planProblems, recordingDb, type PlanLimits } from "../helpers/plans";

// Every list query, run for real on an organisation of 20,000 interviews (of 30,000) and
// EXPLAIN ANALYZEd: none may sort the organisation's rows, scan a large table sequentially or
// walk the organisation discarding rows, the mistakes that made the first page of a 200,000-
// interview organisation take 1.5 s. PostgreSQL only: PGlite's planner is the same, but the
// point is the server the product runs on, with real statistics.

const db = setupTestDatabase();
const DAY = 86_400_000;

describe.skipIf(testDbKind() !== "postgres")("list query plans at scale", () => {
  let ctx: Ctx;
  let limits: PlanLimits;
  let recorder: ReturnType<typeof recordingDb>;
  const ref = { jobId: "", campaignId: "", email: "", externalId: "", jobExternalId: "" };

  beforeAll(async () => {
    const d = db.get().db;
    const made = await generateScaleData(d, { interviews: 30_000, largestShare: 2 / 3, otherOrganizations: 1, days: 365 });
    ctx = { organizationId: made.largest.id, actor: { type: "system", id: "plans-test" } };
    const mine = eq(interviews.organizationId, ctx.organizationId);
    const [busiest] = await d.select({ jobId: interviews.jobId, n: sql<number>`count(*)::int` }).from(interviews).where(mine).groupBy(interviews.jobId).orderBy(desc(sql`2`)).limit(1);
    const [inCampaign] = await d.select({ campaignId: interviews.campaignId }).from(interviews).where(and(mine, sql`${interviews.campaignId} is not null`)).limit(1);
    const [candidate] = await d.select().from(candidates).where(and(eq(candidates.organizationId, ctx.organizationId), sql`${candidates.externalId} is not null`)).limit(1);
    Object.assign(ref, { jobId: busiest!.jobId, campaignId: inCampaign!.campaignId!, email: candidate!.email.toUpperCase(), externalId: candidate!.externalId!, jobExternalId: "req-7" });
    const big = await d.execute(sql`select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace and reltuples >= 10000`);
    limits = { largeTables: new Set(rowsOf<{ relname: string }>(big).map((r) => r.relname)), maxSortedRows: 1_000, maxFilteredRows: 2_000 };
    expect([...limits.largeTables]).toEqual(expect.arrayContaining(["interviews", "candidates", "reports"]));
    recorder = recordingDb(db.url()!);
  }, 600_000);
  afterAll(() => recorder?.close());

  const page = (page = 1) => ({ page, pageSize: 20 });
  const now = Date.now();
  // A third element allows a sort of up to that many rows where no index serves both the
  // filters and the order: the rows a narrower filter matches, never the organisation's.
  const cases: [string, (d: Db) => Promise<unknown>, number?][] = [
    ["interviews", (d) => listInterviews(d, ctx, page())],
    ["interviews, page 250 (offset 4,980)", (d) => listInterviews(d, ctx, page(250))],
    ...interviewStatus.enumValues.map((status): [string, (d: Db) => Promise<unknown>] => [`interviews ?status=${status}`, (d) => listInterviews(d, ctx, { ...page(), status })]),
    ["interviews ?status=EXPIRED, page 100 (offset 1,980)", (d) => listInterviews(d, ctx, { ...page(100), status: "EXPIRED" })],
    ["interviews ?jobId= (the busiest job)", (d) => listInterviews(d, ctx, { ...page(), jobId: ref.jobId })],
    ["interviews ?jobId=&status=COMPLETED", (d) => listInterviews(d, ctx, { ...page(), jobId: ref.jobId, status: "COMPLETED" }), 1_000], // the job's interviews
    ["interviews ?campaignId=", (d) => listInterviews(d, ctx, { ...page(), campaignId: ref.campaignId })],
    ["interviews ?createdAfter= (30 days)", (d) => listInterviews(d, ctx, { ...page(), createdAfter: new Date(now - 30 * DAY) })],
    ["interviews ?updatedAfter= (3 days)", (d) => listInterviews(d, ctx, { ...page(), updatedAfter: new Date(now - 3 * DAY) }), 1_000], // those changed since
    ["interview counts by status (console)", (d) => countInterviewsByStatus(d, ctx)],
    ["console interviews sorted by score", (d) => listConsoleInterviews(d, ctx, consoleListParams.parse({ sort: "score" }))],
    ["console interviews sorted by score, page 100 (offset 2,475)", (d) => listConsoleInterviews(d, ctx, consoleListParams.parse({ sort: "score", page: "100" }))],
    ["candidates", (d) => listCandidates(d, ctx, page())],
    ["candidates, page 250 (offset 4,980)", (d) => listCandidates(d, ctx, page(250))],
    ["candidates ?email=", (d) => listCandidates(d, ctx, { ...page(), email: ref.email.toLowerCase() })],
    ["candidates ?externalId=", (d) => listCandidates(d, ctx, { ...page(), externalId: ref.externalId })],
    ["jobs", (d) => listJobs(d, ctx, page())],
    ["jobs ?externalId=", (d) => listJobs(d, ctx, { ...page(), externalId: ref.jobExternalId })],
    ["campaigns", (d) => listCampaigns(d, ctx, page())],
    ["campaigns ?jobId=", (d) => listCampaigns(d, ctx, { ...page(), jobId: ref.jobId })],
    ["interview configurations", (d) => listInterviewConfigs(d, ctx, page())],
    ["webhook endpoints", (d) => listWebhookEndpoints(d, ctx, page())],
  ];

  it.each(cases)("%s: no whole-organisation sort, no sequential scan of a large table", async (name, run, filteredSort = 0) => {
    recorder.captured.length = 0;
    await run(recorder.db);
    const statements = [...recorder.captured];
    expect(statements.length).toBeGreaterThan(0);
    // A page needs at most offset + pageSize rows from each of at most three ranges (EXPIRED:
    // stored EXPIRED, lapsed DRAFT, lapsed INVITED); a sort of more reads rows no page needs,
    // such as all of a status's rows when the planner misjudges how many match.
    const offset = Number(/offset ([\d,]+)/.exec(name)?.[1]?.replace(",", "") ?? 0);
    for (const statement of statements) {
      const plan = await explainAnalyze(recorder.client, statement);
      // A bounded count (select count(*) from (… limit n)) may sort what it counts, no more.
      const counted = statement.query.startsWith("select count(*) from (") ? offset + 20 + COUNT_PAST_PAGE : 0;
      expect(planProblems(plan, { ...limits, maxSortedRows: Math.max(3 * (offset + 20), counted, filteredSort) }), `${statement.query}\n\n${planOutline(plan)}`).toEqual([]);
    }
  });

  it("the rules catch the mistake: ordering by an expression no index holds sorts the organisation", async () => {
    const statement = { query: `select id from interviews where organization_id = $1 order by lower(id) desc limit 20`, params: [ctx.organizationId] };
    expect(planProblems(await explainAnalyze(recorder.client, statement), limits)).toEqual([expect.stringMatching(/^sort of 2\d{4} rows$/)]);
  });
});
