import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/interviews/route";
import { GET as getRoute } from "@/app/api/v1/interviews/[id]/route";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { reports } from "@/db/reports";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { insertCampaign, insertInterview, insertJob, interviewWorld } from "../helpers/interview-fixtures";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();
const d = () => db.get().db;

const createOne = async (database: Db, ctx: Ctx) => {
  const world = await interviewWorld(database, ctx);
  return (await insertInterview(database, ctx, world)).interview.id;
};

securityBattery({ handler: listRoute, scope: "interviews:read", db, path: () => "/api/v1/interviews" });
securityBattery({ handler: getRoute, scope: "interviews:read", db, path: (id) => `/api/v1/interviews/${id}`, params: (id) => ({ id }), create: createOne });

describe("GET /api/v1/interviews", () => {
  let ctx: Ctx;
  let auth: string;
  let jobA: string;
  let jobB: string;
  let campaignId: string;
  const ids: string[] = []; // newest first
  const HOUR = 3600_000;
  const base = Date.now() - 30 * 24 * HOUR;

  beforeAll(async () => {
    ({ ctx } = await createTestOrg(d()));
    auth = (await createTestKey(d(), ctx, ["interviews:read"])).authorization;
    const world = await interviewWorld(d(), ctx);
    jobA = world.jobId;
    jobB = await insertJob(d(), ctx, "Data Engineer");
    ({ campaignId } = await insertCampaign(d(), ctx, jobA));
    // 25 rows, an hour apart; two share a creation instant to prove the id tie-break.
    for (let i = 0; i < 25; i++) {
      const createdAt = new Date(base + (i === 24 ? 23 : i) * HOUR);
      const status = i % 5 === 0 ? "COMPLETED" : i % 5 === 1 ? "DRAFT" : "INVITED";
      const { interview } = await insertInterview(d(), ctx, { candidateId: world.candidateId, jobId: i % 2 ? jobB : jobA }, {
        createdAt,
        updatedAt: createdAt,
        status,
        campaignId: i % 2 ? null : i % 4 === 0 ? campaignId : null,
        // Two not-started interviews already past expiry, not yet swept: EXPIRED on read.
        expiresAt: i === 3 || i === 6 ? new Date(Date.now() - 1000) : new Date(Date.now() + 7 * 24 * HOUR),
      });
      ids.push(interview.id);
    }
    ids.reverse();
  });

  const list = (qs = "") => call(listRoute, { path: `/api/v1/interviews${qs}`, headers: { authorization: auth } });

  it("pages through every row newest first, without overlap, with a Link header", async () => {
    const seen: string[] = [];
    let page = 1;
    for (;;) {
      const res = await list(`?pageSize=10&page=${page}`);
      expect(res.status).toBe(200);
      expect(res.json.pagination).toMatchObject({ page, pageSize: 10, total: 25, totalPages: 3, hasMore: page < 3 });
      expect(res.headers.get("link")).toContain('rel="last"');
      if (page < 3) expect(res.headers.get("link")).toContain(`pageSize=10&page=${page + 1}>; rel="next"`);
      seen.push(...res.json.data.map((i: { id: string }) => i.id));
      if (!res.json.pagination.hasMore) break;
      page++;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const rows = await d().select({ id: interviews.id, createdAt: interviews.createdAt }).from(interviews).where(eq(interviews.organizationId, ctx.organizationId));
    const expected = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    expect(seen).toEqual(expected);
  });

  it("defaults to page 1 of 20 and returns light items (no transcript)", async () => {
    const res = await list();
    expect(res.json.pagination).toMatchObject({ page: 1, pageSize: 20, total: 25, hasMore: true });
    const item = res.json.data[0];
    expect(item).toMatchObject({ candidate: { firstName: "Ada", email: "ada@example.com" }, job: { title: expect.any(String) } });
    expect(item.transcript).toBeUndefined();
    expect(item.invitation).toMatchObject({ emailStatus: "NONE", emailError: null });
    expect(item).not.toHaveProperty("invitationTokenHash");
    expect(item).not.toHaveProperty("configSnapshot");
  });

  it("filters on the effective status: overdue not-started interviews are EXPIRED", async () => {
    const expired = await list("?status=EXPIRED");
    expect(expired.json.data.map((i: { id: string }) => i.id).sort()).toEqual([ids[24 - 3], ids[24 - 6]].sort());
    expect(expired.json.data.every((i: { status: string }) => i.status === "EXPIRED")).toBe(true);
    const invited = await list("?status=INVITED&pageSize=100");
    expect(invited.json.data.map((i: { id: string }) => i.id)).not.toContain(ids[24 - 3]);
    expect(invited.json.pagination.total).toBe(14);
    expect((await list("?status=COMPLETED")).json.pagination.total).toBe(5);
  });

  it("filters by job, campaign, createdAfter and updatedAfter", async () => {
    expect((await list(`?jobId=${jobB}&pageSize=100`)).json.pagination.total).toBe(12);
    const byCampaign = await list(`?campaignId=${campaignId}`);
    expect(byCampaign.json.pagination.total).toBe(7);
    expect(byCampaign.json.data.every((i: { campaignId: string }) => i.campaignId === campaignId)).toBe(true);
    const after = new Date(base + 20 * HOUR).toISOString();
    expect((await list(`?createdAfter=${after}`)).json.pagination.total).toBe(4);
    await d().update(interviews).set({ audioUrl: "https://audio.example/x.ogg" }).where(eq(interviews.id, ids[20]!));
    const since = new Date(Date.now() - 60_000).toISOString();
    const changed = await list(`?updatedAfter=${encodeURIComponent(since)}`);
    expect(changed.json.data.map((i: { id: string }) => i.id)).toEqual([ids[20]]);
    expect((await list(`?jobId=${jobA}&createdAfter=${after}`)).json.pagination.total).toBe(2);
  });

  it("422 naming the parameter for malformed or out-of-range values, never clamped", async () => {
    const cases: [string, string][] = [
      ["?pageSize=0", "pageSize"],
      ["?pageSize=101", "pageSize"],
      ["?page=0", "page"],
      ["?page=abc", "page"],
      ["?status=DONE", "status"],
      ["?createdAfter=yesterday", "createdAfter"],
      ["?updatedAfter=2026-13-01T00:00:00Z", "updatedAfter"],
      ["?jobId=job_bad", "jobId"],
      ["?campaignId=cand_0123456789abcdefghijkl", "campaignId"],
    ];
    for (const [qs, field] of cases) {
      const res = await list(qs);
      expect(res.status, qs).toBe(422);
      expect(res.json.code).toBe("validation_failed");
      expect(res.json.errors[0], qs).toMatchObject({ field, in: "query" });
    }
  });

  it("an unknown job is simply an empty page", async () => {
    const res = await list(`?jobId=job_${"A".repeat(22)}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ data: [], pagination: { total: 0, totalPages: 1, hasMore: false } });
  });
});

describe("GET /api/v1/interviews/:id", () => {
  it("returns the effective status, transcript in turn order and the READY report's evaluation", async () => {
    const { ctx } = await createTestOrg(d());
    const auth = (await createTestKey(d(), ctx, ["interviews:read"])).authorization;
    const world = await interviewWorld(d(), ctx, { firstName: "Grace", lastName: "Hopper", email: "grace@example.com" });
    const { interview } = await insertInterview(d(), ctx, world, { status: "COMPLETED", startedAt: new Date(Date.now() - 3600_000), endedAt: new Date() });
    for (const n of [2, 1, 3]) {
      await d().insert(interviewTurns).values({
        id: newId("turn"),
        organizationId: ctx.organizationId,
        interviewId: interview.id,
        turnNumber: n,
        role: n % 2 ? "agent" : "candidate",
        content: `turn ${n}`,
        evaluation: n === 2 ? { relevance: 4 } : null,
      });
    }
    const get = () => call(getRoute, { path: `/api/v1/interviews/${interview.id}`, params: { id: interview.id }, headers: { authorization: auth } });
    const before = await get();
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ id: interview.id, status: "COMPLETED", evaluation: null, reportId: null });
    expect(before.json.transcript.map((t: { turnNumber: number }) => t.turnNumber)).toEqual([1, 2, 3]);
    expect(before.json.transcript[1]).toMatchObject({ role: "candidate", content: "turn 2", evaluation: { relevance: 4 }, isPendingQuestion: false, audioUrl: null });
    expect(before.json.candidate).toEqual({ id: world.candidateId, firstName: "Grace", lastName: "Hopper", email: "grace@example.com" });

    const reportId = newId("report");
    await d().insert(reports).values({
      id: reportId,
      organizationId: ctx.organizationId,
      interviewId: interview.id,
      status: "READY",
      overallScore: 80,
      recommendation: "YES",
      scorecard: { criteria: [{ key: "experience", label: "Relevant experience", weight: 2, score: 4, rationale: "r", evidence: [] }] },
    });
    await d().update(interviews).set({ reportId }).where(eq(interviews.id, interview.id));
    const after = await get();
    expect(after.json.reportId).toBe(reportId);
    expect(after.json.evaluation).toEqual({ overallScore: 80, recommendation: "YES", criteria: [{ key: "experience", label: "Relevant experience", weight: 2, score: 4 }] });
  });

  it("reads an overdue invitation as EXPIRED before any sweep", async () => {
    const { ctx } = await createTestOrg(d());
    const auth = (await createTestKey(d(), ctx, ["interviews:read"])).authorization;
    const { interview } = await insertInterview(d(), ctx, await interviewWorld(d(), ctx), { expiresAt: new Date(Date.now() - 1) });
    const res = await call(getRoute, { path: `/api/v1/interviews/${interview.id}`, params: { id: interview.id }, headers: { authorization: auth } });
    expect(res.json.status).toBe("EXPIRED");
  });
});
