import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as cancelRoute } from "@/app/api/v1/interviews/[id]/cancel/route";
import { POST as resendRoute } from "@/app/api/v1/interviews/[id]/resend-invitation/route";
import { POST as createRoute } from "@/app/api/v1/interviews/route";
import { auditEvents } from "@/db/audit-events";
import { emails } from "@/db/emails";
import { interviews, type InterviewStatus } from "@/db/interviews";
import { organizations } from "@/db/organizations";
import { webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { expireOverdueInterviews } from "@/lib/interviews/expiry";
import { findInvitation } from "@/lib/interviews/invitation-link";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { insertInterview, interviewWorld } from "../helpers/interview-fixtures";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();
const d = () => db.get().db;
const DAY = 24 * 3600_000;

const createOne = async (database: Db, ctx: Ctx) => (await insertInterview(database, ctx, await interviewWorld(database, ctx))).interview.id;
securityBattery({ handler: cancelRoute, method: "POST", okStatus: 200, scope: "interviews:write", db, path: (id) => `/api/v1/interviews/${id}/cancel`, params: (id) => ({ id }), create: createOne });
securityBattery({ handler: resendRoute, method: "POST", okStatus: 200, scope: "interviews:write", db, path: (id) => `/api/v1/interviews/${id}/resend-invitation`, params: (id) => ({ id }), create: createOne, body: {} });

async function subscribe(ctx: Ctx, eventTypes: string[]) {
  await d().insert(webhookEndpoints).values({
    id: newId("webhookEndpoint"),
    organizationId: ctx.organizationId,
    url: "https://hooks.example/parley",
    secret: "whsec_test",
    eventTypes,
  });
}

describe("cancel and resend-invitation", () => {
  let ctx: Ctx;
  let auth: string;
  let world: { candidateId: string; jobId: string };

  beforeAll(async () => {
    ({ ctx } = await createTestOrg(d()));
    auth = (await createTestKey(d(), ctx, ["interviews:write"])).authorization;
    world = await interviewWorld(d(), ctx);
    await subscribe(ctx, ["interview.cancelled", "interview.expired"]);
  });

  const cancel = (id: string) => call(cancelRoute, { method: "POST", path: `/api/v1/interviews/${id}/cancel`, params: { id }, headers: { authorization: auth } });
  const resend = (id: string, body: unknown = {}) =>
    call(resendRoute, { method: "POST", path: `/api/v1/interviews/${id}/resend-invitation`, params: { id }, headers: { authorization: auth }, body });
  const insert = async (status: InterviewStatus, over: Partial<typeof interviews.$inferInsert> = {}) => insertInterview(d(), ctx, world, { status, ...over });
  const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
  const deliveries = (id: string, type: string) =>
    d().select().from(webhookDeliveries).where(and(eq(webhookDeliveries.organizationId, ctx.organizationId), eq(webhookDeliveries.eventType, type))).then((rows) => rows.filter((r) => (r.payload as { data: { interviewId: string } }).data.interviewId === id));

  it("cancels DRAFT, INVITED and IN_PROGRESS; the link dies, the queued e-mail is withdrawn, one webhook", async () => {
    for (const status of ["DRAFT", "INVITED", "IN_PROGRESS"] as const) {
      const { interview, token } = await insert(status);
      const res = await cancel(interview.id);
      expect(res.status, res.text).toBe(200);
      expect(res.json.status).toBe("CANCELLED");
      expect(res.json.cancelledAt).not.toBeNull();
      expect((await findInvitation(d(), token)).state).toBe("cancelled");
      expect(await deliveries(interview.id, "interview.cancelled")).toHaveLength(1);
    }
    const created = await call(createRoute, { method: "POST", path: "/api/v1/interviews", headers: { authorization: auth }, body: world });
    await cancel(created.json.id);
    const [mail] = await d().select().from(emails).where(eq(emails.interviewId, created.json.id));
    expect(mail).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/cancelled/) });
  });

  it("cancelling twice answers 200 unchanged, without a second event", async () => {
    const { interview } = await insert("INVITED");
    const first = await cancel(interview.id);
    const second = await cancel(interview.id);
    expect(second.status).toBe(200);
    expect(second.json.cancelledAt).toBe(first.json.cancelledAt);
    expect(second.json.updatedAt).toBe(first.json.updatedAt);
    expect(await deliveries(interview.id, "interview.cancelled")).toHaveLength(1);
    const audits = await d().select().from(auditEvents).where(and(eq(auditEvents.targetId, interview.id), eq(auditEvents.action, "interview.cancelled")));
    expect(audits).toHaveLength(1);
  });

  it("409 for COMPLETED and EXPIRED (stored or overdue), nothing written", async () => {
    const completed = await insert("COMPLETED");
    const expired = await insert("EXPIRED", { expiresAt: new Date(Date.now() - DAY) });
    const overdue = await insert("INVITED", { expiresAt: new Date(Date.now() - 1000) });
    for (const { interview } of [completed, expired, overdue]) {
      const res = await cancel(interview.id);
      expect(res.status).toBe(409);
      expect(res.json.code).toBe("invalid_state");
      const [row] = await d().select().from(interviews).where(eq(interviews.id, interview.id));
      expect(row!.cancelledAt).toBeNull();
    }
  });

  it("resend mints a new link (the old one dies), queues a new e-mail and supersedes the waiting one", async () => {
    const created = await call(createRoute, { method: "POST", path: "/api/v1/interviews", headers: { authorization: auth }, body: world });
    const res = await resend(created.json.id);
    expect(res.status, res.text).toBe(200);
    expect(res.json.status).toBe("INVITED");
    expect(res.json.invitationUrl).not.toBe(created.json.invitationUrl);
    expect((await findInvitation(d(), tokenOf(created.json.invitationUrl))).state).toBe("unknown");
    expect((await findInvitation(d(), tokenOf(res.json.invitationUrl))).state).toBe("open");
    const mails = await d().select().from(emails).where(eq(emails.interviewId, created.json.id));
    expect(mails.map((m) => m.status).sort()).toEqual(["FAILED", "QUEUED"]);
    expect(mails.find((m) => m.status === "QUEUED")!.text).toContain(res.json.invitationUrl);
    expect(res.json.invitation).toMatchObject({ emailStatus: "QUEUED", emailId: mails.find((m) => m.status === "QUEUED")!.id });
  });

  it("resend turns a DRAFT into INVITED with invitedAt", async () => {
    const { interview } = await insert("DRAFT");
    const res = await resend(interview.id);
    expect(res.json).toMatchObject({ status: "INVITED", invitedAt: expect.any(String) });
  });

  it("an EXPIRED invitation is renewed with a new expiresAt, and only then", async () => {
    const stored = await insert("EXPIRED", { expiresAt: new Date(Date.now() - DAY) });
    const overdue = await insert("INVITED", { expiresAt: new Date(Date.now() - 1000) });
    for (const { interview, token } of [stored, overdue]) {
      const refused = await resend(interview.id);
      expect(refused.status).toBe(409);
      expect(refused.json.detail).toMatch(/expiresAt/);
      const at = new Date(Date.now() + 3 * DAY).toISOString();
      const renewed = await resend(interview.id, { expiresAt: at });
      expect(renewed.status).toBe(200);
      expect(renewed.json).toMatchObject({ status: "INVITED", expiresAt: at });
      expect((await findInvitation(d(), token)).state).toBe("unknown");
      expect((await findInvitation(d(), tokenOf(renewed.json.invitationUrl))).state).toBe("open");
    }
  });

  it("409 for IN_PROGRESS, COMPLETED and CANCELLED; 422 for a past or malformed expiresAt", async () => {
    for (const status of ["IN_PROGRESS", "COMPLETED", "CANCELLED"] as const) {
      const { interview } = await insert(status);
      expect((await resend(interview.id)).status, status).toBe(409);
    }
    const { interview } = await insert("INVITED");
    for (const expiresAt of [new Date(Date.now() - 1000).toISOString(), "soon"]) {
      const res = await resend(interview.id, { expiresAt });
      expect(res.status).toBe(422);
      expect(res.json.errors[0]).toMatchObject({ field: "expiresAt", in: "body" });
    }
  });

  it("resend counts against the invitation quota", async () => {
    const limited = await createTestOrg(d());
    await d().update(organizations).set({ invitationsPerHour: 1 }).where(eq(organizations.id, limited.org.id));
    const key = (await createTestKey(d(), limited.ctx, ["interviews:write"])).authorization;
    const { interview } = await insertInterview(d(), limited.ctx, await interviewWorld(d(), limited.ctx), { status: "DRAFT" });
    const send = () => call(resendRoute, { method: "POST", path: "/x", params: { id: interview.id }, headers: { authorization: key }, body: {} });
    expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("expireOverdueInterviews", () => {
  it("persists EXPIRED in batches for overdue DRAFT and INVITED only, once, with one webhook each", async () => {
    const { ctx } = await createTestOrg(d());
    await subscribe(ctx, ["interview.expired"]);
    const world = await interviewWorld(d(), ctx);
    const past = new Date(Date.now() - 1000);
    const overdue = [];
    for (let i = 0; i < 5; i++) overdue.push((await insertInterview(d(), ctx, world, { status: i % 2 ? "DRAFT" : "INVITED", expiresAt: past })).interview.id);
    const untouched = [
      (await insertInterview(d(), ctx, world, { status: "INVITED" })).interview.id,
      (await insertInterview(d(), ctx, world, { status: "IN_PROGRESS", expiresAt: past })).interview.id,
      (await insertInterview(d(), ctx, world, { status: "CANCELLED", expiresAt: past })).interview.id,
    ];

    expect(await expireOverdueInterviews(d(), 2)).toBeGreaterThanOrEqual(5);
    const rows = await d().select().from(interviews).where(eq(interviews.organizationId, ctx.organizationId));
    const status = new Map(rows.map((r) => [r.id, r.status]));
    expect(overdue.map((id) => status.get(id))).toEqual(Array(5).fill("EXPIRED"));
    expect(untouched.map((id) => status.get(id))).toEqual(["INVITED", "IN_PROGRESS", "CANCELLED"]);
    const events = await d().select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, ctx.organizationId));
    expect(events.filter((e) => e.eventType === "interview.expired")).toHaveLength(5);

    expect(await expireOverdueInterviews(d())).toBe(0);
    const again = await d().select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, ctx.organizationId));
    expect(again).toHaveLength(5);
  });
});
