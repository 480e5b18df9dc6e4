import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/v1/jobs/[id]/route";
import { GET as list, POST as create } from "@/app/api/v1/jobs/route";
import { jobs } from "@/db/jobs";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";
import { createJob } from "@/lib/jobs/create";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();
const insert = async (d: Db, ctx: Ctx, externalId: string | null = null) =>
  (await createJob(d, ctx, { title: "Engineer", description: null, location: null, externalId })).id;

securityBattery({ handler: create, method: "POST", scope: "jobs:write", db, path: () => "/api/v1/jobs", body: { title: "Engineer" } });
securityBattery({ handler: list, scope: "jobs:read", db, path: () => "/api/v1/jobs" });
securityBattery({ handler: getOne, scope: "jobs:read", db, path: (id) => `/api/v1/jobs/${id}`, params: (id) => ({ id }), create: insert });

let auth: string;
let ctx: Ctx;
beforeAll(async () => {
  ({ ctx } = await createTestOrg(db.get().db));
  auth = (await createTestKey(db.get().db, ctx, ["jobs:write"])).authorization;
});
const post = (body: unknown) => call(create, { method: "POST", path: "/api/v1/jobs", headers: { authorization: auth }, body });
const get = (qs: string) => call(list, { path: `/api/v1/jobs${qs}`, headers: { authorization: auth } });

describe("POST /api/v1/jobs", () => {
  it("creates a job, null for what was not given, readable by id", async () => {
    const res = await post({ title: "  Backend Engineer ", location: "Lyon" });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^job_/),
      title: "Backend Engineer",
      description: null,
      location: "Lyon",
      externalId: null,
      archivedAt: null,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    const again = await call(getOne, { path: `/api/v1/jobs/${res.json.id}`, params: { id: res.json.id }, headers: { authorization: auth } });
    expect(again.json).toEqual(res.json);
  });

  it("422 for a missing or blank title and wrong types, writing nothing", async () => {
    const before = await db.get().db.$count(jobs, eq(jobs.organizationId, ctx.organizationId));
    for (const [body, field] of [[{}, "title"], [{ title: "   " }, "title"], [{ title: 7 }, "title"], [{ title: "x", description: ["a"] }, "description"], [{ title: "x", externalId: 12 }, "externalId"]] as const) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.errors).toEqual([expect.objectContaining({ field, in: "body" })]);
    }
    expect(await db.get().db.$count(jobs, eq(jobs.organizationId, ctx.organizationId))).toBe(before);
  });

  it("409 naming externalId when the organisation already has it", async () => {
    const externalId = `req-${randomBase62(6)}`;
    expect((await post({ title: "A", externalId })).status).toBe(201);
    const dup = await post({ title: "B", externalId });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ code: "conflict", errors: [{ field: "externalId", in: "body" }] });
  });
});

describe("GET /api/v1/jobs", () => {
  it("filters by externalId, and never shows another organisation's jobs", async () => {
    const other = await createTestOrg(db.get().db);
    await insert(db.get().db, other.ctx, "shared-ext");
    const mine = await insert(db.get().db, ctx, "shared-ext");
    const res = await get("?externalId=shared-ext");
    expect(res.json.data.map((j: { id: string }) => j.id)).toEqual([mine]);
    expect(res.json.pagination.total).toBe(1);
    expect((await get("?externalId=missing")).json).toMatchObject({ data: [], pagination: { total: 0, totalPages: 1, hasMore: false } });
  });

  it("422 naming a malformed parameter", async () => {
    const res = await get("?pageSize=101");
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([expect.objectContaining({ field: "pageSize", in: "query" })]);
  });
});
