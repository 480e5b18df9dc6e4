import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getInterviewRoute } from "@/app/api/v1/interviews/[id]/route";
import { interviewConsents } from "@/db/interview-consents";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { organizations } from "@/db/organizations";
import type { Ctx } from "@/lib/context";
import { resetEnvCache } from "@/lib/env";
import * as consents from "@/lib/invite/consents";
import { consentNotice } from "@/lib/invite/notice";
import { findInvitation } from "@/lib/interviews/invitation-link";
import { newInvitationToken } from "@/lib/invitation-token";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { candidateClient, invitedInterview, joinText, noticeVersionOf, useInterviewerModel } from "../helpers/invite";

const db = setupTestDatabase();
const d = () => db.get().db;
let ctx: Ctx;
const saved = { ...process.env };

beforeAll(async () => {
  ({ ctx } = await createTestOrg(d(), "Acme Robotics"));
  useInterviewerModel(null);
});
afterEach(() => {
  for (const k of ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "INVITE_LIMIT_PER_TOKEN", "INVITE_LIMIT_PER_IP"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
});

const turnsOf = (interviewId: string) => d().select().from(interviewTurns).where(eq(interviewTurns.interviewId, interviewId)).orderBy(interviewTurns.turnNumber);
const consentsOf = (interviewId: string) => d().select().from(interviewConsents).where(eq(interviewConsents.interviewId, interviewId)).orderBy(interviewConsents.createdAt);

describe("POST /api/invite/:token/join", () => {
  it("refuses without consent, naming `consent`, and records nothing", async () => {
    const { interview, token, client } = await invitedInterview(d(), ctx);
    const noticeVersion = await noticeVersionOf(d(), token);
    for (const body of [{ mode: "text", noticeVersion }, { consent: false, mode: "text", noticeVersion }, { consent: "yes", mode: "text", noticeVersion }]) {
      const res = await client.join(body);
      expect(res.status).toBe(422);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(["consent"]);
    }
    expect(await consentsOf(interview.id)).toEqual([]);
    expect(await turnsOf(interview.id)).toEqual([]);
  });

  it("refuses a notice version other than the current one, naming `noticeVersion`; a change of the organisation's retention is a new version", async () => {
    const { org, ctx: own } = await createTestOrg(d());
    const { interview, token, client } = await invitedInterview(d(), own);
    const before = await noticeVersionOf(d(), token);
    await d().update(organizations).set({ candidateDataRetentionDays: 90 }).where(eq(organizations.id, org.id));
    const after = await noticeVersionOf(d(), token);
    expect(after).not.toBe(before);
    const res = await client.join({ consent: true, mode: "text", noticeVersion: before });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(["noticeVersion"]);
    expect(await consentsOf(interview.id)).toEqual([]);
    expect((await client.join({ consent: true, mode: "text", noticeVersion: after })).status).toBe(200);
  });

  it("text mode: answers the interviewer's opening turns, starts the interview, and records the consent", async () => {
    const { interview, token, client } = await invitedInterview(d(), ctx);
    const res = await joinText(d(), token, client);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ mode: "text", interviewId: interview.id, done: false, progress: { asked: 1, total: interview.configSnapshot.questions.length } });
    expect(res.json.time.limitSeconds).toBe(interview.configSnapshot.maxDurationMinutes * 60);
    expect(res.json.turns.map((t: { turnNumber: number; role: string }) => [t.turnNumber, t.role])).toEqual([
      [1, "agent"],
      [2, "agent"],
    ]);
    expect(res.json.turns[0].content).toBe(interview.configSnapshot.intro);
    expect(res.json.turns[1].content).toBe(interview.configSnapshot.questions[0]!.text);
    for (const t of res.json.turns) expect(Object.keys(t).sort()).toEqual(["content", "createdAt", "role", "turnNumber"]);
    const [row] = await d().select().from(interviews).where(eq(interviews.id, interview.id));
    expect(row!.status).toBe("IN_PROGRESS");
    expect(row!.startedAt).toBeInstanceOf(Date);
  });

  it("a rejoin answers the turns so far and writes nothing but its consent record", async () => {
    const { interview, token, client } = await invitedInterview(d(), ctx);
    const first = await joinText(d(), token, client);
    const turns = await turnsOf(interview.id);
    const again = await joinText(d(), token, client);
    expect(again.status).toBe(200);
    expect(again.json.turns).toEqual(first.json.turns);
    expect(await turnsOf(interview.id)).toEqual(turns);
    expect(await consentsOf(interview.id)).toHaveLength(2);
  });

  it("records each consent: time, the notice's version and language, the mode, and nothing about the client", async () => {
    const { interview, token, client } = await invitedInterview(d(), ctx, {}, { locale: "fr-CA", firstName: "Chloé" });
    const view = await findInvitation(d(), token);
    if (view.state !== "open") throw new Error("open");
    const notice = consentNotice(view);
    expect(notice.locale).toBe("fr");
    const startedAt = new Date();
    expect((await joinText(d(), token, client)).status).toBe(200);
    const rows = await consentsOf(interview.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: ctx.organizationId, interviewId: interview.id, noticeVersion: notice.version, locale: "fr", mode: "text" });
    expect(rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    expect(Object.keys(rows[0]!).sort()).toEqual(["createdAt", "id", "interviewId", "locale", "mode", "noticeVersion", "organizationId"]);

    // The API shows them, read-only; the console reads them through listConsents.
    const key = await createTestKey(d(), ctx);
    const api = await call(getInterviewRoute, { path: `/api/v1/interviews/${interview.id}`, params: { id: interview.id }, headers: { authorization: key.authorization } });
    expect(api.json.consents).toEqual([{ id: rows[0]!.id, noticeVersion: notice.version, locale: "fr", mode: "text", createdAt: rows[0]!.createdAt.toISOString() }]);
    expect(api.json.humanRequested).toBe(false);
    expect(await consents.listConsents(d(), ctx, interview.id)).toEqual(api.json.consents);
    const { ctx: other } = await createTestOrg(d());
    expect(await consents.listConsents(d(), other, interview.id)).toEqual([]);
  });

  it("consent records are append-only: the domain has no update, and the database refuses one", async () => {
    expect(Object.keys(consents).sort()).toEqual(["listConsents", "recordConsent"]);
    const { interview, token, client } = await invitedInterview(d(), ctx);
    await joinText(d(), token, client);
    await joinText(d(), token, client);
    const rows = await consentsOf(interview.id);
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
    await expect(d().update(interviewConsents).set({ mode: "voice" }).where(eq(interviewConsents.id, rows[0]!.id))).rejects.toThrow();
    await expect(d().execute(sql`update interview_consents set notice_version = 'forged' where interview_id = ${interview.id}`)).rejects.toThrow();
    expect(await consentsOf(interview.id)).toEqual(rows);
  });

  it("voice mode without LiveKit: 503 voice_unavailable, no consent recorded, and text still works", async () => {
    const { interview, token, client } = await invitedInterview(d(), ctx);
    const noticeVersion = await noticeVersionOf(d(), token);
    for (const body of [{ consent: true, noticeVersion }, { consent: true, mode: "voice", noticeVersion }]) {
      const res = await client.join(body);
      expect(res.status).toBe(503);
      expect(res.json.code).toBe("voice_unavailable");
    }
    expect(await consentsOf(interview.id)).toEqual([]);
    expect((await client.join({ consent: true, mode: "text", noticeVersion })).status).toBe(200);
  });

  it("voice mode with LiveKit configured goes to the voice join (wired at merge), recording nothing until it succeeds", async () => {
    Object.assign(process.env, { LIVEKIT_URL: "wss://livekit.example.com", LIVEKIT_API_KEY: "APIkey", LIVEKIT_API_SECRET: "secret-secret-secret-secret-secret" });
    resetEnvCache();
    const { interview, token, client } = await invitedInterview(d(), ctx);
    const res = await client.join({ consent: true, mode: "voice", noticeVersion: await noticeVersionOf(d(), token) });
    expect(res.status).toBe(503);
    expect(res.json.code).toBe("service_unavailable");
    expect(await consentsOf(interview.id)).toEqual([]);
  });

  it("an unknown or malformed token is a 404 that names no interview", async () => {
    for (const token of [newInvitationToken().token, "not-a-token"]) {
      const res = await candidateClient(token).join({ consent: true, mode: "text", noticeVersion: "x" });
      expect(res.status).toBe(404);
      expect(res.json.code).toBe("not_found");
      expect(res.text).not.toMatch(/interview|Acme/i);
    }
  });

  it("a cancelled, expired or completed interview is a 410 saying which", async () => {
    const cases = [
      [{ status: "CANCELLED" }, "interview_cancelled"],
      [{ status: "EXPIRED", expiresAt: new Date(Date.now() - 1000) }, "interview_expired"],
      [{ status: "INVITED", expiresAt: new Date(Date.now() - 1000) }, "interview_expired"],
      [{ status: "COMPLETED" }, "interview_completed"],
    ] as const;
    for (const [over, code] of cases) {
      const { token, client } = await invitedInterview(d(), ctx, over);
      for (const res of [await client.join({ consent: true, mode: "text", noticeVersion: "x" }), await client.message({ clientMessageId: "m1", content: "hi" }), await client.conversation()]) {
        expect({ status: res.status, code: res.json.code }).toEqual({ status: 410, code });
      }
      expect(token).toBeTruthy();
    }
  });

  it("every answer, errors included, is no-referrer and no-store, with a request id", async () => {
    const { token, client } = await invitedInterview(d(), ctx);
    const answers = [
      await joinText(d(), token, client),
      await client.join({}),
      await client.conversation(),
      await candidateClient(newInvitationToken().token).conversation(),
      await invitedInterview(d(), ctx, { status: "CANCELLED" }).then(({ client }) => client.conversation()),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 422, 200, 404, 410]);
    for (const res of answers) {
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("request-id")).toBeTruthy();
    }
  });

  it("rate-limited per link and per address: 429 with Retry-After", async () => {
    process.env.INVITE_LIMIT_PER_TOKEN = "3";
    resetEnvCache();
    const { token } = await invitedInterview(d(), ctx);
    const statuses = [];
    // A different address each time: the link's own limit stops it.
    for (let i = 0; i < 4; i++) statuses.push(await candidateClient(token).conversation());
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200, 429]);
    expect(statuses[3]!.json.code).toBe("rate_limited");
    expect(Number(statuses[3]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(statuses[3]!.headers.get("cache-control")).toBe("no-store");

    process.env.INVITE_LIMIT_PER_TOKEN = "1000";
    process.env.INVITE_LIMIT_PER_IP = "2";
    resetEnvCache();
    // One address, new links each time (unknown ones too): the address's limit stops it.
    const address = "10.99.1.2";
    const byAddress = [];
    for (let i = 0; i < 3; i++) byAddress.push(await candidateClient(newInvitationToken().token, address).conversation());
    expect(byAddress.map((s) => s.status)).toEqual([404, 404, 429]);
    expect(Number(byAddress[2]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
