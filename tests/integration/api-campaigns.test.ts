import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/v1/campaigns/[id]/route";
import { GET as list, POST as create } from "@/app/api/v1/campaigns/route";
import { auditEvents } from "@/db/audit-events";
import { campaignStages } from "@/db/campaign-stages";
import { campaigns } from "@/db/campaigns";
import { interviewConfigs } from "@/db/interview-configs";
import { createCampaign } from "@/lib/campaigns/create";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { createJob } from "@/lib/jobs/create";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();
const newJob = async (d: Db, ctx: Ctx) => (await createJob(d, ctx, { title: "Engineer", description: null, location: null, externalId: null })).id;
const defaultConfig = async (d: Db, ctx: Ctx) =>
  (await d.select({ id: interviewConfigs.id }).from(interviewConfigs).where(eq(interviewConfigs.organizationId, ctx.organizationId)))[0]!.id;
const insert = async (d: Db, ctx: Ctx) =>
  (await createCampaign(d, ctx, { jobId: await newJob(d, ctx), name: "Spring", stages: [{ name: "Screen", configId: null, generateReport: true }] })).id;

securityBattery({
  handler: create,
  method: "POST",
  scope: "jobs:write",
  db,
  path: () => "/api/v1/campaigns",
  body: async (d: Db, ctx: Ctx) => ({ jobId: await newJob(d, ctx), name: "Spring", stages: [{ name: "Screen" }] }),
});
securityBattery({ handler: list, scope: "jobs:read", db, path: () => "/api/v1/campaigns" });
securityBattery({ handler: getOne, scope: "jobs:read", db, path: (id) => `/api/v1/campaigns/${id}`, params: (id) => ({ id }), create: insert });

let auth: string;
let ctx: Ctx;
let jobId: string;
let configId: string;
beforeAll(async () => {
  ({ ctx } = await createTestOrg(db.get().db));
  auth = (await createTestKey(db.get().db, ctx, ["jobs:write"])).authorization;
  jobId = await newJob(db.get().db, ctx);
  configId = await defaultConfig(db.get().db, ctx);
});
const post = (body: unknown) => call(create, { method: "POST", path: "/api/v1/campaigns", headers: { authorization: auth }, body });
const countCampaigns = () => db.get().db.$count(campaigns, eq(campaigns.organizationId, ctx.organizationId));

describe("POST /api/v1/campaigns", () => {
  it("creates a campaign with its stages in the given order, positions from 1", async () => {
    const res = await post({
      jobId,
      name: "Backend, spring",
      stages: [{ name: "Screen", configId }, { name: "Technical", generateReport: false }, { name: "Culture", configId: null }],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/campaigns/${res.json.id}`);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^camp_/),
      jobId,
      name: "Backend, spring",
      stages: [
        { id: expect.stringMatching(/^stg_/), name: "Screen", position: 1, configId, generateReport: true },
        { id: expect.stringMatching(/^stg_/), name: "Technical", position: 2, configId: null, generateReport: false },
        { id: expect.stringMatching(/^stg_/), name: "Culture", position: 3, configId: null, generateReport: true },
      ],
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    const again = await call(getOne, { path: `/api/v1/campaigns/${res.json.id}`, params: { id: res.json.id }, headers: { authorization: auth } });
    expect(again.json).toEqual(res.json);
    const audit = await db.get().db.select().from(auditEvents).where(eq(auditEvents.targetId, res.json.id));
    expect(audit.map((a) => a.action)).toEqual(["campaign.created"]);
  });

  it("422 on jobId for an unknown, another organisation's or a malformed job, writing nothing", async () => {
    const other = await createTestOrg(db.get().db);
    const foreignJob = await newJob(db.get().db, other.ctx);
    const before = await countCampaigns();
    for (const bad of [newId("job"), foreignJob, "job_nope", 12]) {
      const res = await post({ jobId: bad, name: "X", stages: [{ name: "S" }] });
      expect(res.status, String(bad)).toBe(422);
      expect(res.json.errors).toEqual([expect.objectContaining({ field: "jobId", in: "body" })]);
    }
    expect(await countCampaigns()).toBe(before);
  });

  it("422 on stages.N.configId for each unknown or foreign configuration, writing no stage", async () => {
    const other = await createTestOrg(db.get().db);
    const foreignConfig = await defaultConfig(db.get().db, other.ctx);
    const stagesBefore = await db.get().db.$count(campaignStages, eq(campaignStages.organizationId, ctx.organizationId));
    const res = await post({ jobId, name: "X", stages: [{ name: "A", configId }, { name: "B", configId: newId("config") }, { name: "C", configId: foreignConfig }] });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(["stages.1.configId", "stages.2.configId"]);
    expect(await db.get().db.$count(campaignStages, eq(campaignStages.organizationId, ctx.organizationId))).toBe(stagesBefore);

    const malformed = await post({ jobId, name: "X", stages: [{ name: "A", configId: "cfg_bad" }] });
    expect(malformed.json.errors).toEqual([expect.objectContaining({ field: "stages.0.configId" })]);
  });

  it("422 for missing fields, no stages, more than 20 stages or a wrong type", async () => {
    const before = await countCampaigns();
    const cases: [unknown, string[]][] = [
      [{}, ["jobId", "name", "stages"]],
      [{ jobId, name: "X", stages: [] }, ["stages"]],
      [{ jobId, name: "X", stages: Array.from({ length: 21 }, (_, i) => ({ name: `S${i}` })) }, ["stages"]],
      [{ jobId, name: "X", stages: [{ name: "" }, { name: "B", generateReport: "yes" }] }, ["stages.0.name", "stages.1.generateReport"]],
    ];
    for (const [body, expected] of cases) {
      const res = await post(body);
      expect(res.status).toBe(422);
      expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(expected);
    }
    expect(await countCampaigns()).toBe(before);
  });
});

describe("GET /api/v1/campaigns", () => {
  it("filters by jobId with each campaign's stages; 422 for a malformed jobId", async () => {
    const org = await createTestOrg(db.get().db);
    const readAuth = (await createTestKey(db.get().db, org.ctx, ["jobs:read"])).authorization;
    const [jobA, jobB] = [await newJob(db.get().db, org.ctx), await newJob(db.get().db, org.ctx)];
    const stages = [{ name: "One", configId: null, generateReport: true }, { name: "Two", configId: null, generateReport: false }];
    const a = await createCampaign(db.get().db, org.ctx, { jobId: jobA, name: "A", stages });
    await createCampaign(db.get().db, org.ctx, { jobId: jobB, name: "B", stages });
    const get = (qs: string) => call(list, { path: `/api/v1/campaigns${qs}`, headers: { authorization: readAuth } });

    expect((await get("")).json.pagination.total).toBe(2);
    const res = await get(`?jobId=${jobA}`);
    expect(res.json.data).toEqual([a]);
    expect(res.json.data[0].stages.map((s: { name: string }) => s.name)).toEqual(["One", "Two"]);
    expect((await get(`?jobId=${newId("job")}`)).json.data).toEqual([]);
    const bad = await get("?jobId=cand_0123456789abcdefghijkl");
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([expect.objectContaining({ field: "jobId", in: "query" })]);
  });
});
