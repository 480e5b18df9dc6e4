import { asc, eq, like } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/webhooks/route";
import * as item from "@/app/api/v1/webhooks/[id]/route";
import { backgroundJobs } from "@/db/background-jobs";
import { webhookAttempts, webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { resetEnvCache } from "@/lib/env";
import { newId } from "@/lib/ids";
import { enqueue } from "@/lib/queue/define";
import { isPublicAddress } from "@/lib/webhooks/address-guard";
import { deliverWebhookJob, MAX_DELIVERY_ATTEMPTS, RETRY_SCHEDULE_MS } from "@/lib/webhooks/deliver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { createWebhookEndpoint, MAX_ENDPOINTS_PER_ORGANIZATION } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { postWebhook } from "@/lib/webhooks/send";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { securityBattery } from "../helpers/security";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";
import { drainAppJobs } from "../helpers/queue";

const database = setupTestDatabase();
const db = () => database.get().db;
let ctx: Ctx;
let auth: string;
let receiver: WebhookReceiver;

function allowPrivate(on: boolean) {
  process.env.WEBHOOKS_ALLOW_PRIVATE_URLS = on ? "true" : "false";
  resetEnvCache();
}

beforeAll(async () => {
  ({ ctx } = await createTestOrg(db()));
  auth = (await createTestKey(db(), ctx, ["webhooks:write"])).authorization;
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
afterEach(() => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_URLS;
  resetEnvCache();
  receiver.received.length = 0;
});

const register = (body: unknown, authorization = auth) =>
  call(collection.POST, { method: "POST", path: "/api/v1/webhooks", headers: { authorization }, body });

describe("POST, GET, DELETE /api/v1/webhooks", () => {
  it("registers an https endpoint for every event by default and shows its secret once", async () => {
    const res = await register({ url: "https://93.184.215.14/hooks/parley" });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ id: expect.stringMatching(/^whe_/), url: "https://93.184.215.14/hooks/parley", eventTypes: [...WEBHOOK_EVENT_TYPES], disabledAt: null });
    expect(res.json.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const list = await call(collection.GET, { path: "/api/v1/webhooks", headers: { authorization: auth } });
    expect(list.status).toBe(200);
    const listed = list.json.data.find((e: { id: string }) => e.id === res.json.id);
    expect(listed).toMatchObject({ url: "https://93.184.215.14/hooks/parley" });
    expect(listed).not.toHaveProperty("secret");
    expect(list.text).not.toContain(res.json.secret);
    expect(list.json.pagination).toMatchObject({ page: 1, pageSize: 20 });
  });

  it("keeps only the chosen event types, once each", async () => {
    const res = await register({ url: "https://93.184.215.14/a", eventTypes: ["report.ready", "report.ready", "report.failed"] });
    expect(res.status).toBe(201);
    expect(res.json.eventTypes).toEqual(["report.ready", "report.failed"]);
  });

  it("422 naming the field for a non-https URL, a private address, credentials or an unknown event", async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ url: "http://93.184.215.14/hooks" }, "url", /https/],
      [{ url: "ftp://93.184.215.14/hooks" }, "url", /https/],
      [{ url: "not a url" }, "url", /URL/i],
      [{ url: "https://127.0.0.1/hooks" }, "url", /private, loopback or link-local/],
      [{ url: "https://localhost:8443/hooks" }, "url", /private, loopback or link-local/],
      [{ url: "https://10.0.0.7/hooks" }, "url", /private/],
      [{ url: "https://169.254.169.254/latest/meta-data" }, "url", /link-local/],
      [{ url: "https://[::1]/hooks" }, "url", /loopback/],
      [{ url: "https://[::ffff:192.168.1.1]/hooks" }, "url", /private/],
      [{ url: "https://user:pw@93.184.215.14/hooks" }, "url", /user name or password/],
      [{ url: "https://93.184.215.14/hooks", eventTypes: ["report.exploded"] }, "eventTypes.0", /./],
      [{ url: "https://93.184.215.14/hooks", eventTypes: [] }, "eventTypes", /./],
      [{}, "url", /./],
    ];
    for (const [body, field, message] of cases) {
      const res = await register(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.code).toBe("validation_failed");
      expect(res.json.errors[0]).toMatchObject({ field, in: "body" });
      expect(res.json.errors[0].message).toMatch(message);
    }
    const count = await db().$count(webhookEndpoints, eq(webhookEndpoints.url, "https://127.0.0.1/hooks"));
    expect(count).toBe(0);
  });

  it("accepts a local http receiver when WEBHOOKS_ALLOW_PRIVATE_URLS=true (development)", async () => {
    allowPrivate(true);
    const res = await register({ url: receiver.url });
    expect(res.status, res.text).toBe(201);
  });

  it("deletes an endpoint (204), then it is gone (404), with its pending deliveries", async () => {
    allowPrivate(true);
    const { ctx: own } = await createTestOrg(db());
    const key = await createTestKey(db(), own, ["webhooks:write"]);
    const created = (await register({ url: receiver.url }, key.authorization)).json;
    await emitWebhookEvent(db(), { organizationId: own.organizationId, type: "interview.completed", data: { interviewId: newId("interview") } });
    const del = () => call(item.DELETE, { method: "DELETE", path: `/api/v1/webhooks/${created.id}`, params: { id: created.id }, headers: { authorization: key.authorization } });
    const res = await del();
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await del()).status).toBe(404);
    expect(await db().$count(webhookDeliveries, eq(webhookDeliveries.endpointId, created.id))).toBe(0);
    // The queued job finds nothing to send and ends quietly.
    const runs = await drainAppJobs(db(), { kinds: ["webhook.deliver"] });
    expect(runs.every((r) => r.outcome === "succeeded")).toBe(true);
    expect(receiver.received).toHaveLength(0);
  });
});

securityBattery({ handler: collection.POST, method: "POST", scope: "webhooks:write", db: database, path: () => "/api/v1/webhooks", body: { url: "https://93.184.215.14/hooks" } });
securityBattery({ handler: collection.GET, scope: "webhooks:write", db: database, path: () => "/api/v1/webhooks" });
securityBattery({
  handler: item.DELETE,
  method: "DELETE",
  okStatus: 204,
  scope: "webhooks:write",
  db: database,
  path: (id) => `/api/v1/webhooks/${id}`,
  params: (id) => ({ id }),
  create: async (d: Db, c: Ctx) => {
    const id = newId("webhookEndpoint");
    await d.insert(webhookEndpoints).values({ id, organizationId: c.organizationId, url: "https://93.184.215.14/x", secret: "whsec_AAAA", eventTypes: ["report.ready"] });
    return id;
  },
});

describe("delivery", () => {
  /** An organisation with one endpoint on the local receiver. */
  async function subscribed(eventTypes?: (typeof WEBHOOK_EVENT_TYPES)[number][]) {
    allowPrivate(true);
    const { ctx: c } = await createTestOrg(db());
    const endpoint = await createWebhookEndpoint(db(), c, { url: receiver.url, eventTypes });
    return { c, endpoint };
  }
  const deliveries = (endpointId: string) => db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
  const attemptsOf = (deliveryId: string) =>
    db().select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(asc(webhookAttempts.attemptedAt));
  const drain = () => drainAppJobs(db(), { kinds: ["webhook.deliver"] });
  /** Makes every queued delivery job due now, as if its wait had passed. */
  const fastForward = () => db().update(backgroundJobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(backgroundJobs.status, "QUEUED"));

  it("signs each message as Standard Webhooks says, with a thin payload", async () => {
    const { c, endpoint } = await subscribed(["report.ready"]);
    const reportId = newId("report");
    await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "report.ready", data: { reportId, status: "READY" } });
    await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "interview.started", data: {} }); // not subscribed
    await drain();

    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    const verified = new Webhook(endpoint.secret).verify(body, headers) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(verified).toMatchObject({ type: "report.ready", data: { reportId, status: "READY" } });
    expect(new Date(verified.timestamp).toISOString()).toBe(verified.timestamp);
    expect(headers["content-type"]).toBe("application/json");
    expect(Math.abs(Number(headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(() => new Webhook(endpoint.secret).verify(body.replace("READY", "FAILED"), headers)).toThrow();
    expect(() => new Webhook("whsec_" + Buffer.alloc(32, 7).toString("base64")).verify(body, headers)).toThrow();

    const [delivery] = await deliveries(endpoint.id);
    expect(headers["webhook-id"]).toBe(delivery!.messageId);
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, lastError: null });
    expect(delivery!.deliveredAt).toBeInstanceOf(Date);
    const attempts = await attemptsOf(delivery!.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ statusCode: 200, error: null });
    expect(attempts[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("retries a receiver answering 500 on the schedule, with the same webhook-id, then delivers", async () => {
    const { c, endpoint } = await subscribed();
    receiver.answer(500, 503);
    await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "interview.completed", data: { interviewId: newId("interview") } });
    const before = Date.now();
    await drain();
    let [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    // The next attempt is its own job, due after the first wait of the schedule.
    const [next] = await db().select().from(backgroundJobs).where(eq(backgroundJobs.dedupeKey, `webhook.deliver:${delivery!.id}:2`));
    expect(next!.status).toBe("QUEUED");
    expect(next!.runAt.getTime() - before).toBeGreaterThanOrEqual(RETRY_SCHEDULE_MS[0]! - 1000);
    expect(await drain()).toEqual([]); // not due yet

    await fastForward();
    await drain();
    await fastForward();
    await drain();
    [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatusCode: 200, lastError: null });
    expect((await attemptsOf(delivery!.id)).map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    for (const r of receiver.received) expect(() => new Webhook(endpoint.secret).verify(r.body, r.headers)).not.toThrow();
  });

  it("queues each attempt as one job with the same attempts, keyed by delivery and attempt", async () => {
    const { c, endpoint } = await subscribed();
    receiver.answer(500);
    await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "interview.completed", data: {} });
    const [delivery] = await deliveries(endpoint.id);
    const jobsOf = () =>
      db().select().from(backgroundJobs).where(like(backgroundJobs.dedupeKey, `webhook.deliver:${delivery!.id}:%`)).orderBy(asc(backgroundJobs.createdAt));
    const attempt = (n: number) => ({ kind: "webhook.deliver", maxAttempts: 8, dedupeKey: `webhook.deliver:${delivery!.id}:${n}`, payload: { deliveryId: delivery!.id, attempt: n } });
    expect(await jobsOf()).toMatchObject([attempt(1)]);
    await drain();
    expect(await jobsOf()).toMatchObject([{ ...attempt(1), status: "SUCCEEDED" }, { ...attempt(2), status: "QUEUED" }]);
    // The same attempt queued again (a re-run of the first job) collapses onto the queued one.
    const again = await enqueue(db(), deliverWebhookJob, { deliveryId: delivery!.id, attempt: 2 }, { organizationId: c.organizationId });
    expect(again.created).toBe(false);
    expect(await jobsOf()).toHaveLength(2);
    await fastForward();
    await drain();
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ status: "DELIVERED", attempts: 2 });
  });

  it("still delivers a job queued before this release (no attempt in its payload, no dedupe key, 12 attempts)", async () => {
    const { c, endpoint } = await subscribed();
    await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "interview.completed", data: {} });
    const [delivery] = await deliveries(endpoint.id);
    await db()
      .update(backgroundJobs)
      .set({ payload: { deliveryId: delivery!.id }, dedupeKey: null, maxAttempts: 12 })
      .where(eq(backgroundJobs.dedupeKey, `webhook.deliver:${delivery!.id}:1`));
    expect(await drain()).toMatchObject([{ kind: "webhook.deliver", outcome: "succeeded" }]);
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ status: "DELIVERED", attempts: 1 });
    expect(receiver.received).toHaveLength(1);
  });

  it("fails the delivery after the last attempt of the schedule, queuing nothing more", async () => {
    const { c, endpoint } = await subscribed();
    receiver.answer(502);
    await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "interview.completed", data: {} });
    const [pending] = await deliveries(endpoint.id);
    await db().update(webhookDeliveries).set({ attempts: MAX_DELIVERY_ATTEMPTS - 1 }).where(eq(webhookDeliveries.id, pending!.id));
    await drain();
    const [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS, lastStatusCode: 502 });
    expect(await db().$count(backgroundJobs, eq(backgroundJobs.dedupeKey, `webhook.deliver:${delivery!.id}:${MAX_DELIVERY_ATTEMPTS + 1}`))).toBe(0);
  });

  it("disables the endpoint after a 410 Gone and sends it nothing more", async () => {
    const { c, endpoint } = await subscribed();
    receiver.answer(410);
    await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "interview.started", data: {} });
    await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "interview.completed", data: {} });
    await drain();
    await fastForward();
    await drain();
    expect(receiver.received).toHaveLength(1);
    const [row] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.disabledAt).toBeInstanceOf(Date);
    expect(row!.disabledReason).toMatch(/410 Gone/);
    const sent = await deliveries(endpoint.id);
    expect(sent.map((d) => [d.status, d.attempts]).sort()).toEqual([
      ["FAILED", 0],
      ["FAILED", 1],
    ]);
    expect(sent.find((d) => d.attempts === 0)!.lastError).toMatch(/Endpoint disabled/);
    expect(await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "interview.completed", data: {} })).toBe(0);

    const list = await call(collection.GET, { path: "/api/v1/webhooks", headers: { authorization: (await createTestKey(db(), c, ["webhooks:write"])).authorization } });
    expect(list.json.data[0]).toMatchObject({ id: endpoint.id, disabledAt: expect.any(String), disabledReason: expect.stringMatching(/410/) });
  });

  it("checks the address again at delivery time: a destination that turned private is not contacted", async () => {
    const { c, endpoint } = await subscribed();
    allowPrivate(false);
    await emitWebhookEvent(db(), { organizationId: c.organizationId, type: "interview.completed", data: {} });
    await drain();
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
    expect(delivery!.lastError).toMatch(/private, loopback or link-local/);
    expect((await attemptsOf(delivery!.id))[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/loopback/) });
  });

  it("gives up on a receiver that does not answer within the timeout", async () => {
    allowPrivate(true);
    const slow = await startWebhookReceiver({ delayMs: 2000 });
    const result = await postWebhook(slow.url, { "content-type": "application/json" }, "{}", { timeoutMs: 200 });
    await slow.close();
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/No answer within 0.2 s/);
    expect(result.durationMs).toBeLessThan(1500);
  });
});

describe("endpoint limit", () => {
  it(`holds under concurrent registration: never more than ${MAX_ENDPOINTS_PER_ORGANIZATION} endpoints`, async () => {
    const { ctx: crowded } = await createTestOrg(db());
    const key = (await createTestKey(db(), crowded, ["webhooks:write"])).authorization;
    const free = 4;
    for (let i = 0; i < MAX_ENDPOINTS_PER_ORGANIZATION - free; i++) {
      await db().insert(webhookEndpoints).values({ id: newId("webhookEndpoint"), organizationId: crowded.organizationId, url: `https://93.184.215.14/old/${i}`, secret: "whsec_x", eventTypes: [...WEBHOOK_EVENT_TYPES] });
    }
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => register({ url: `https://93.184.215.14/new/${i}` }, key)));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(free).fill(201), ...Array(12 - free).fill(409)]);
    expect(await db().$count(webhookEndpoints, eq(webhookEndpoints.organizationId, crowded.organizationId))).toBe(MAX_ENDPOINTS_PER_ORGANIZATION);
  });
});

describe("address guard", () => {
  it("tells public addresses from private, loopback, link-local and special ones", () => {
    for (const a of ["93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4007:80e::200e", "::ffff:93.184.215.14"]) expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10", "169.254.169.254", "100.64.0.1", "0.0.0.0", "255.255.255.255", "224.0.0.1", "198.18.0.1",
      "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::", "2001:db8::1", "not an ip",
      // IPv4-translated (::ffff:0:0:0/96): loopback, private, metadata, and any IPv4 address at all.
      "::ffff:0:7f00:1", "::ffff:0:a00:1", "::ffff:0:a9fe:a9fe", "::ffff:0:5db8:d70e", "::ffff:0:0:0",
    ]) expect(isPublicAddress(a), a).toBe(false);
  });
});
