import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getRoute } from "@/app/api/v1/interviews/[id]/route";
import { emails } from "@/db/emails";
import { interviews } from "@/db/interviews";
import type { Ctx } from "@/lib/context";
import { sendEmailJob } from "@/lib/email/deliver";
import { listOutbox } from "@/lib/email/outbox";
import { resetEnvCache } from "@/lib/env";
import { createInterview } from "@/lib/interviews/create";
import { resendInvitation } from "@/lib/interviews/resend-invitation";
import { PermanentJobError } from "@/lib/queue/types";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { interviewWorld } from "../helpers/interview-fixtures";

// A small server on 127.0.0.1 speaking Resend's API (POST /emails, Bearer auth,
// Idempotency-Key), driven through the real resend SDK. No mocks. Each answer closes its
// connection, so no request meets a keep-alive connection the server is timing out.
const RESEND_KEY = "re_test_0123456789";
type Received = { authorization?: string; idempotencyKey?: string; body: Record<string, unknown> };
const received: Received[] = [];
const plan: number[] = []; // statuses to answer next; 200 once empty
const sentByKey = new Map<string, string>();

const server = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    const reply = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json", connection: "close" }).end(JSON.stringify(body));
    if (req.method !== "POST" || req.url !== "/emails") return reply(404, { statusCode: 404, name: "not_found", message: "Not found" });
    if (req.headers.authorization !== `Bearer ${RESEND_KEY}`) return reply(401, { statusCode: 401, name: "invalid_api_key", message: "API key is invalid" });
    const key = req.headers["idempotency-key"] as string | undefined;
    received.push({ authorization: req.headers.authorization, idempotencyKey: key, body: JSON.parse(raw) });
    const status = plan.shift() ?? 200;
    if (status === 429) return reply(429, { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" });
    if (status >= 500) return reply(status, { statusCode: status, name: "internal_server_error", message: "Boom" });
    if (status !== 200) return reply(status, { statusCode: status, name: "validation_error", message: "Invalid `to` field" });
    // Resend answers a repeated Idempotency-Key with the first e-mail, without sending again.
    const id = (key && sentByKey.get(key)) || `re_${received.length}_${Math.random().toString(36).slice(2)}`;
    if (key) sentByKey.set(key, id);
    reply(200, { id });
  });
});

const db = setupTestDatabase();
const d = () => db.get().db;
let ctx: Ctx;
let auth: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  ({ ctx } = await createTestOrg(d(), "Acme Robotics"));
  auth = (await createTestKey(d(), ctx, ["interviews:read"])).authorization;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvCache();
});
beforeEach(() => {
  process.env.RESEND_API_KEY = RESEND_KEY;
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  resetEnvCache();
  received.length = 0;
  plan.length = 0;
});
afterEach(() => resetEnvCache());

async function invite() {
  const interview = await createInterview(d(), ctx, { ...(await interviewWorld(d(), ctx)), campaignId: null, stageId: null, configId: null, expiresAt: null, sendInvite: true });
  const [email] = await d().select().from(emails).where(eq(emails.interviewId, interview.id));
  return { interview, email: email! };
}
const job = (emailId: string, attempt = 1, maxAttempts = 5) => ({ id: "bj_test", kind: "email.send", payload: { emailId }, organizationId: ctx.organizationId, attempt, maxAttempts });
const emailRow = async (id: string) => (await d().select().from(emails).where(eq(emails.id, id)))[0]!;
const interviewRow = async (id: string) => (await d().select().from(interviews).where(eq(interviews.id, id)))[0]!;
const readApi = async (id: string) => (await call(getRoute, { path: `/api/v1/interviews/${id}`, params: { id }, headers: { authorization: auth } })).json;

describe("the email.send job", () => {
  it("sends through Resend with the e-mail's idempotency key; SENT with the provider id shows on the interview", async () => {
    const { interview, email } = await invite();
    await sendEmailJob.handler(d(), job(email.id));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ authorization: `Bearer ${RESEND_KEY}`, idempotencyKey: email.idempotencyKey });
    expect(received[0]!.body).toMatchObject({ to: "ada@example.com", subject: email.subject, from: email.from });
    expect(received[0]!.body.text).toContain(interview.invitationUrl);

    const sent = await emailRow(email.id);
    expect(sent).toMatchObject({ status: "SENT", providerMessageId: expect.stringMatching(/^re_/), attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.text).not.toContain(interview.invitationUrl);
    expect((await readApi(interview.id)).invitation).toMatchObject({ emailStatus: "SENT", emailError: null, emailId: email.id });

    await sendEmailJob.handler(d(), job(email.id, 2));
    expect(received).toHaveLength(1);
  });

  it("429 then success: retried by throwing, the same Idempotency-Key on both attempts", async () => {
    const { interview, email } = await invite();
    plan.push(429);
    await expect(sendEmailJob.handler(d(), job(email.id, 1))).rejects.toThrow(/429/);
    expect(await emailRow(email.id)).toMatchObject({ status: "QUEUED", attempts: 1, lastError: expect.stringContaining("rate_limit_exceeded") });
    expect((await interviewRow(interview.id)).invitationEmailStatus).toBe("QUEUED");
    await sendEmailJob.handler(d(), job(email.id, 2));
    expect(received.map((r) => r.idempotencyKey)).toEqual([email.idempotencyKey, email.idempotencyKey]);
    expect(await emailRow(email.id)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("a crash between the send and the row update: the re-run presents the same key and Resend does not send twice", async () => {
    const { email } = await invite();
    await sendEmailJob.handler(d(), job(email.id));
    const first = (await emailRow(email.id)).providerMessageId;
    await d().update(emails).set({ status: "QUEUED", html: email.html, text: email.text }).where(eq(emails.id, email.id));
    await sendEmailJob.handler(d(), job(email.id, 2));
    expect(received.map((r) => r.idempotencyKey)).toEqual([email.idempotencyKey, email.idempotencyKey]);
    expect((await emailRow(email.id)).providerMessageId).toBe(first);
  });

  it("5xx on every attempt: after the last one the failure shows on the interview", async () => {
    const { interview, email } = await invite();
    plan.push(500, 503);
    await expect(sendEmailJob.handler(d(), job(email.id, 1, 2))).rejects.toThrow(/500/);
    expect((await interviewRow(interview.id)).invitationEmailStatus).toBe("QUEUED");
    const last = sendEmailJob.handler(d(), job(email.id, 2, 2));
    await expect(last).rejects.toThrow(/503/);
    await expect(last).rejects.not.toBeInstanceOf(PermanentJobError);
    expect(await emailRow(email.id)).toMatchObject({ status: "FAILED", attempts: 2 });
    // It will never be sent: the stored copy keeps no working link.
    expect((await emailRow(email.id)).text).not.toContain(interview.invitationUrl);
    const api = await readApi(interview.id);
    expect(api.invitation).toMatchObject({ emailStatus: "FAILED", emailError: expect.stringContaining("503") });
  });

  it("another 4xx fails at once with a PermanentJobError, marked on the interview", async () => {
    const { interview, email } = await invite();
    plan.push(422);
    await expect(sendEmailJob.handler(d(), job(email.id, 1, 5))).rejects.toBeInstanceOf(PermanentJobError);
    expect((await interviewRow(interview.id)).invitationEmailError).toMatch(/422 validation_error/);
    expect((await emailRow(email.id)).html).not.toContain(interview.invitationUrl);
    expect((await readApi(interview.id)).invitation.emailStatus).toBe("FAILED");
  });

  it("a superseded e-mail is not sent, and the newer one alone speaks for the interview", async () => {
    const { interview, email } = await invite();
    await resendInvitation(d(), ctx, interview.id, { expiresAt: null });
    await sendEmailJob.handler(d(), job(email.id));
    expect(received).toHaveLength(0);
    expect((await emailRow(email.id)).status).toBe("FAILED");
    expect((await interviewRow(interview.id)).invitationEmailStatus).toBe("QUEUED");
  });

  it("without RESEND_API_KEY the e-mail stays in the local outbox, nothing is sent", async () => {
    delete process.env.RESEND_API_KEY;
    resetEnvCache();
    const { interview, email } = await invite();
    await sendEmailJob.handler(d(), job(email.id));
    expect(received).toHaveLength(0);
    expect((await emailRow(email.id)).status).toBe("OUTBOX");
    expect((await readApi(interview.id)).invitation.emailStatus).toBe("OUTBOX");
    const outbox = await listOutbox(d(), { organizationId: ctx.organizationId });
    expect(outbox.map((e) => e.id)).toContain(email.id);
    expect(outbox.find((e) => e.id === email.id)!.text).toContain(interview.invitationUrl);
  });
});
