import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/interviews/[id]/events/route";
import { POST as finalize } from "@/app/api/interviews/[id]/finalize/route";
import { PATCH as patchTurn } from "@/app/api/interviews/[id]/turns/[turnNumber]/route";
import { POST as postTurn } from "@/app/api/interviews/[id]/turns/route";
import * as campaigns from "@/app/api/v1/campaigns/route";
import * as candidates from "@/app/api/v1/candidates/route";
import * as interviews from "@/app/api/v1/interviews/route";
import * as jobs from "@/app/api/v1/jobs/route";
import { interviewTurns } from "@/db/interview-turns";
import type { Ctx } from "@/lib/context";
import { setSessionResolver } from "@/lib/http/console-route";
import { MAX_JSON_DEPTH } from "@/lib/http/input-guard";
import { createJob } from "@/lib/jobs/create";
import { createTestInterview } from "../helpers/agent-fixtures";
import { secretHeaders, useAgentEnv } from "../helpers/agent-env";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";

// Input PostgreSQL refuses or that breaks later readers must be a 4xx naming the field, never
// a 500 (security review, issue 12 item 5). The framework-level cases (TRACE, `%ff` in a path)
// need a real server: e2e/api/hardening.spec.ts.

const db = setupTestDatabase();
let ctx: Ctx;
let auth: string;
let jobId: string;

beforeAll(async () => {
  useAgentEnv({ AUTH_SECRET: "console-session-secret-for-tests-0123456789" });
  ({ ctx } = await createTestOrg(db.get().db));
  auth = (await createTestKey(db.get().db, ctx)).authorization;
  jobId = (await createJob(db.get().db, ctx, { title: "Engineer", description: null, location: null, externalId: null })).id;
  setSessionResolver(async (req) => (req.headers.get("x-test-org") ? { userId: "usr_test", organizationId: ctx.organizationId, role: "recruiter" } : null));
});
afterAll(() => setSessionResolver(undefined));

const NUL = "\u0000";
type Handler = Parameters<typeof call>[0];
const v1 = (handler: Handler, method: string, path: string, body?: unknown) => call(handler, { method, path, headers: { authorization: auth }, body });
const agent = (handler: Handler, params: Record<string, string>, body: unknown, method = "POST") =>
  call(handler, { method, path: "/api/interviews/x", params, headers: secretHeaders, body });

function expectFieldRefused(res: Awaited<ReturnType<typeof call>>, field: string, where = "body", status = 422) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.json.requestId).toMatch(/^req_/);
  expect(res.json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, in: where })]));
}

describe("a NUL character in any text field or query parameter is a 422 naming it", () => {
  const candidate = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" };
  const cases: [string, () => Promise<Awaited<ReturnType<typeof call>>>, string, string?][] = [
    ["candidate firstName", () => v1(candidates.POST, "POST", "/api/v1/candidates", { ...candidate, firstName: `Ada${NUL}` }), "firstName"],
    ["candidate lastName", () => v1(candidates.POST, "POST", "/api/v1/candidates", { ...candidate, lastName: `${NUL}` }), "lastName"],
    ["candidate phone", () => v1(candidates.POST, "POST", "/api/v1/candidates", { ...candidate, phone: `+33 6${NUL}` }), "phone"],
    ["candidate externalId", () => v1(candidates.POST, "POST", "/api/v1/candidates", { ...candidate, externalId: `ats${NUL}1` }), "externalId"],
    ["job title", () => v1(jobs.POST, "POST", "/api/v1/jobs", { title: `Eng${NUL}ineer` }), "title"],
    ["job description", () => v1(jobs.POST, "POST", "/api/v1/jobs", { title: "Engineer", description: `x${NUL}` }), "description"],
    ["job location", () => v1(jobs.POST, "POST", "/api/v1/jobs", { title: "Engineer", location: `Lyon${NUL}` }), "location"],
    ["campaign name", () => v1(campaigns.POST, "POST", "/api/v1/campaigns", { jobId, name: `Spring${NUL}`, stages: [{ name: "Screen" }] }), "name"],
    ["stage name", () => v1(campaigns.POST, "POST", "/api/v1/campaigns", { jobId, name: "Spring", stages: [{ name: "Screen" }, { name: `Final${NUL}` }] }), "stages.1.name"],
    ["query externalId (candidates)", () => v1(candidates.GET, "GET", "/api/v1/candidates?externalId=ats%001"), "externalId", "query"],
    ["query externalId (jobs)", () => v1(jobs.GET, "GET", "/api/v1/jobs?externalId=%00"), "externalId", "query"],
    ["an unknown query parameter", () => v1(jobs.GET, "GET", "/api/v1/jobs?utm=%00"), "utm", "query"],
  ];
  it.each(cases)("%s", async (_name, send, field, where) => {
    expectFieldRefused(await send(), field, where ?? "body");
  });

  it("in a turn's content, an evaluation value or an evaluation key", async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    expectFieldRefused(await agent(postTurn, { id }, { turnNumber: 1, role: "agent", content: `Hello${NUL}` }), "content");
    expectFieldRefused(await agent(postTurn, { id }, { turnNumber: 1, role: "agent", content: "Hi", evaluation: { notes: [`ok${NUL}`] } }), "evaluation.notes.0");
    const byKey = await agent(postTurn, { id }, { turnNumber: 1, role: "agent", content: "Hi", evaluation: { [`k${NUL}`]: 1 } });
    expectFieldRefused(byKey, "evaluation.k\\u0000");
    expectFieldRefused(await agent(patchTurn, { id, turnNumber: "1" }, { content: `x${NUL}` }, "PATCH"), "content");
    // Nothing was stored, and the same turn without the NUL is accepted.
    expect(await db.get().db.select().from(interviewTurns).where(eq(interviewTurns.interviewId, id))).toHaveLength(0);
    expect((await agent(postTurn, { id }, { turnNumber: 1, role: "agent", content: "Hello" })).status).toBe(201);
  });
});

describe("timestamps outside what PostgreSQL stores", () => {
  it.each([
    ["createdAfter", "0000-01-01T00:00:00Z"],
    ["updatedAfter", "0000-06-15T12:00:00Z"],
    // Year 1 with a positive offset is still year 0 in UTC.
    ["createdAfter", "0001-01-01T00:30:00+01:00"],
  ])("%s=%s is a 422 naming the parameter", async (name, value) => {
    expectFieldRefused(await v1(interviews.GET, "GET", `/api/v1/interviews?${name}=${encodeURIComponent(value)}`), name, "query");
  });

  it("year 1 and year 9999 are accepted", async () => {
    expect((await v1(interviews.GET, "GET", "/api/v1/interviews?createdAfter=0001-01-01T00:00:00Z")).status).toBe(200);
    expect((await v1(interviews.GET, "GET", "/api/v1/interviews?updatedAfter=9999-12-31T23:59:59Z")).status).toBe(200);
  });

  it("a finalize endedAt in year 0 is a 422 naming it", async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    expectFieldRefused(await agent(finalize, { id }, { endedAt: "0000-01-01T00:00:00Z" }), "endedAt");
  });
});

describe("nesting depth", () => {
  const nested = (levels: number) => {
    let value: unknown = "leaf";
    for (let i = 0; i < levels; i++) value = { a: value };
    return value;
  };

  it("a 3,000-level evaluation is refused with 422 and not stored", async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    const res = await agent(postTurn, { id }, { turnNumber: 1, role: "candidate", content: "Hi", evaluation: nested(3000) });
    expect(res.status, res.text).toBe(422);
    expect(res.json.errors[0]).toMatchObject({ in: "body", code: "too_deep", field: expect.stringMatching(/^evaluation(\.a)+$/) });
    expect(await db.get().db.select().from(interviewTurns).where(eq(interviewTurns.interviewId, id))).toHaveLength(0);
  });

  it(`${MAX_JSON_DEPTH} levels in a body are accepted`, async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    // The body is one level, the evaluation object the next: MAX_JSON_DEPTH - 1 under it.
    const res = await agent(postTurn, { id }, { turnNumber: 1, role: "candidate", content: "Hi", evaluation: nested(MAX_JSON_DEPTH - 1) });
    expect(res.status, res.text).toBe(201);
  });

  it("a deeply nested array in an API body is refused too", async () => {
    let value: unknown = [];
    for (let i = 0; i < 200; i++) value = [value];
    expectFieldRefused(await v1(jobs.POST, "POST", "/api/v1/jobs", { title: "Engineer", tags: value }), expect.stringMatching(/^tags(\.0)+$/) as unknown as string);
  });
});

describe("Last-Event-ID", () => {
  const connect = async (id: string, lastEventId: string) => {
    const abort = new AbortController();
    const req = new Request(`http://localhost/api/interviews/${id}/events`, { headers: { "x-test-org": "1", "last-event-id": lastEventId }, signal: abort.signal });
    const res = await events(req, { params: Promise.resolve({ id }) });
    abort.abort();
    return { status: res.status, json: res.status === 200 ? undefined : await res.json() };
  };

  it("beyond bigint is a 422 naming the header; within it the stream opens", async () => {
    const { id } = await createTestInterview(db.get().db, ctx, { status: "IN_PROGRESS" });
    for (const value of ["9223372036854775808", "99999999999999999999", "-1", "12abc"]) {
      const res = await connect(id, value);
      expect(res.status, value).toBe(422);
      expect(res.json.errors).toEqual([expect.objectContaining({ field: "Last-Event-ID", in: "header" })]);
    }
    expect((await connect(id, "9223372036854775807")).status).toBe(200);
    expect((await connect(id, "")).status).toBe(200);
  });
});
