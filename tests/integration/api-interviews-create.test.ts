import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/v1/interviews/route";
import { backgroundJobs } from "@/db/background-jobs";
import { emails } from "@/db/emails";
import { interviewConfigs } from "@/db/interview-configs";
import { interviews } from "@/db/interviews";
import { organizations } from "@/db/organizations";
import type { Ctx } from "@/lib/context";
import { findInvitation } from "@/lib/interviews/invitation-link";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { defaultConfigId, insertCampaign, insertConfig, insertJob, interviewWorld } from "../helpers/interview-fixtures";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();
const d = () => db.get().db;
const DAY = 24 * 3600_000;

securityBattery({
  handler: createRoute,
  method: "POST",
  scope: "interviews:write",
  db,
  path: () => "/api/v1/interviews",
  body: async (database, ctx) => ({ ...(await interviewWorld(database, ctx)), sendInvite: false }),
});

describe("POST /api/v1/interviews", () => {
  let ctx: Ctx;
  let auth: string;
  let world: { candidateId: string; jobId: string };

  beforeAll(async () => {
    ({ ctx } = await createTestOrg(d(), "Acme Robotics"));
    auth = (await createTestKey(d(), ctx, ["interviews:write"])).authorization;
    world = await interviewWorld(d(), ctx);
  });

  const create = (body: unknown, authorization = auth) => call(createRoute, { method: "POST", path: "/api/v1/interviews", headers: { authorization }, body });
  const token = (url: string) => new URL(url).pathname.split("/").pop()!;
  const emailJobs = () =>
    d().select().from(backgroundJobs).where(and(eq(backgroundJobs.kind, "email.send"), eq(backgroundJobs.organizationId, ctx.organizationId)));

  it("sendInvite (default true): INVITED, e-mail rendered and its job queued, link opens", async () => {
    const before = Date.now();
    const res = await create(world);
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/interviews/${res.json.id}`);
    expect(res.json).toMatchObject({ status: "INVITED", candidate: { id: world.candidateId }, job: { id: world.jobId }, transcript: [], evaluation: null });
    expect(res.json.invitationUrl).toMatch(/^http:\/\/localhost:\d+\/i\/[A-Za-z0-9_-]{43}$/);
    expect(res.json.invitation.emailStatus).toBe("QUEUED");
    expect(new Date(res.json.invitedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const expires = new Date(res.json.expiresAt).getTime();
    expect(Math.abs(expires - (before + 7 * DAY))).toBeLessThan(60_000);

    const [row] = await d().select().from(interviews).where(eq(interviews.id, res.json.id));
    expect(row!.roomName).toBe(`interview-${res.json.id}`);
    expect(row!.invitationTokenHash).not.toContain(token(res.json.invitationUrl));
    const mails = await d().select().from(emails).where(eq(emails.interviewId, res.json.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ status: "QUEUED", to: "ada@example.com", kind: "interview.invitation", locale: "en" });
    expect(mails[0]!.text).toContain(res.json.invitationUrl);
    expect(res.json.invitation.emailId).toBe(mails[0]!.id);
    const queued = (await emailJobs()).filter((j) => j.payload.emailId === mails[0]!.id);
    expect(queued).toHaveLength(1);

    const view = await findInvitation(d(), token(res.json.invitationUrl));
    expect(view).toMatchObject({ state: "open", organizationName: "Acme Robotics", jobTitle: "Analytical Engineer" });
  });

  it("sendInvite false: DRAFT, no e-mail, no job, and the link works all the same", async () => {
    const jobsBefore = (await emailJobs()).length;
    const res = await create({ ...world, sendInvite: false });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "DRAFT", invitedAt: null, invitation: { emailStatus: "NONE", emailId: null } });
    expect(await d().select().from(emails).where(eq(emails.interviewId, res.json.id))).toEqual([]);
    expect((await emailJobs()).length).toBe(jobsBefore);
    expect((await findInvitation(d(), token(res.json.invitationUrl))).state).toBe("open");
  });

  it("honours a given expiresAt; refuses one in the past or malformed, naming it", async () => {
    const at = new Date(Date.now() + 2 * DAY);
    const ok = await create({ ...world, sendInvite: false, expiresAt: at.toISOString() });
    expect(ok.json.expiresAt).toBe(at.toISOString());
    for (const expiresAt of [new Date(Date.now() - 60_000).toISOString(), "next week", "2026-02-30T10:00:00Z", 12]) {
      const res = await create({ ...world, expiresAt });
      expect(res.status, String(expiresAt)).toBe(422);
      expect(res.json.errors[0]).toMatchObject({ field: "expiresAt", in: "body" });
    }
  });

  it("caps expiresAt at 90 days from now: beyond is a 422 naming it, and nothing is created", async () => {
    const world = await interviewWorld(d(), ctx);
    const near = await create({ ...world, sendInvite: false, expiresAt: new Date(Date.now() + 89 * DAY).toISOString() });
    expect(near.status, near.text).toBe(201);
    for (const expiresAt of [new Date(Date.now() + 91 * DAY).toISOString(), "9999-12-31T23:59:59Z"]) {
      const res = await create({ ...world, sendInvite: false, expiresAt });
      expect(res.status, expiresAt).toBe(422);
      expect(res.json.errors[0]).toMatchObject({ field: "expiresAt", in: "body", code: "too_big", message: "must be at most 90 days from now" });
    }
    const rows = await d().select().from(interviews).where(eq(interviews.candidateId, world.candidateId));
    expect(rows).toHaveLength(1);
  });

  it("422 naming each missing, malformed or foreign reference, and writes nothing", async () => {
    const other = await createTestOrg(d());
    const foreign = await interviewWorld(d(), other.ctx);
    const count = async () => (await d().select().from(interviews).where(eq(interviews.organizationId, ctx.organizationId))).length;
    const before = await count();
    const cases: [unknown, string[]][] = [
      [{}, ["candidateId", "jobId"]],
      [{ candidateId: "cand_x", jobId: world.jobId }, ["candidateId"]],
      [{ candidateId: foreign.candidateId, jobId: foreign.jobId }, ["candidateId", "jobId"]],
      [{ ...world, configId: await defaultConfigId(d(), other.ctx) }, ["configId"]],
      [{ ...world, sendInvite: "yes" }, ["sendInvite"]],
    ];
    for (const [body, fields] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
    }
    expect(await count()).toBe(before);
  });

  it("a stage needs its campaign; a campaign must be for the job; a stage must be the campaign's", async () => {
    const otherJob = await insertJob(d(), ctx, "Other job");
    const mine = await insertCampaign(d(), ctx, world.jobId);
    const elsewhere = await insertCampaign(d(), ctx, otherJob);
    const expectField = async (body: object, field: string) => {
      const res = await create({ ...world, sendInvite: false, ...body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    };
    await expectField({ stageId: mine.stageId }, "stageId");
    await expectField({ campaignId: elsewhere.campaignId }, "campaignId");
    await expectField({ campaignId: mine.campaignId, stageId: elsewhere.stageId }, "stageId");
    const ok = await create({ ...world, sendInvite: false, campaignId: mine.campaignId, stageId: mine.stageId });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ campaignId: mine.campaignId, stageId: mine.stageId });
  });

  it("config: the given one, else the stage's, else the default; snapshotted, later edits change nothing", async () => {
    const given = await insertConfig(d(), ctx, "Given");
    const forStage = await insertConfig(d(), ctx, "Stage's");
    const { campaignId, stageId } = await insertCampaign(d(), ctx, world.jobId, forStage);
    const base = { ...world, sendInvite: false };
    expect((await create({ ...base, configId: given, campaignId, stageId })).json.configId).toBe(given);
    const staged = await create({ ...base, campaignId, stageId });
    expect(staged.json.configId).toBe(forStage);
    expect((await create(base)).json.configId).toBe(await defaultConfigId(d(), ctx));

    await d().update(interviewConfigs).set({ name: "Edited", intro: "Changed", version: 2 }).where(eq(interviewConfigs.id, forStage));
    const [row] = await d().select().from(interviews).where(eq(interviews.id, staged.json.id));
    expect(row!.configSnapshot).toMatchObject({ id: forStage, name: "Stage's", version: 1 });
    expect(row!.configSnapshot.intro).not.toBe("Changed");
  });

  it("429 with Retry-After over the organisation's hourly invitation quota; drafts are not counted", async () => {
    const limited = await createTestOrg(d());
    await d().update(organizations).set({ invitationsPerHour: 2 }).where(eq(organizations.id, limited.org.id));
    const key = (await createTestKey(d(), limited.ctx, ["interviews:write"])).authorization;
    const w = await interviewWorld(d(), limited.ctx);
    expect((await create(w, key)).status).toBe(201);
    expect((await create({ ...w, sendInvite: false }, key)).status).toBe(201);
    expect((await create(w, key)).status).toBe(201);
    const refused = await create(w, key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.json.code).toBe("rate_limited");
    const rows = await d().select().from(interviews).where(eq(interviews.organizationId, limited.org.id));
    expect(rows).toHaveLength(3);
  });
});
