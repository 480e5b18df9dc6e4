import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as archive, GET as getOne, PATCH as patch } from "@/app/api/v1/jobs/[id]/route";
import { GET as list } from "@/app/api/v1/jobs/route";
import { auditEvents } from "@/db/audit-events";
import type { Ctx } from "@/lib/context";
import { pickerOptions, searchPicker } from "@/lib/console/pickers";
import type { Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";
import { createJob } from "@/lib/jobs/create";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();
const d = () => db.get().db;
const insert = async (x: Db, ctx: Ctx, title = "Engineer", externalId: string | null = null) =>
  (await createJob(x, ctx, { title, description: "Build things", location: "Lyon", externalId })).id;

securityBattery({ handler: patch, method: "PATCH", scope: "jobs:write", db, path: (id) => `/api/v1/jobs/${id}`, params: (id) => ({ id }), create: insert, body: { title: "Renamed" } });
securityBattery({ handler: archive, method: "DELETE", scope: "jobs:write", db, path: (id) => `/api/v1/jobs/${id}`, params: (id) => ({ id }), create: insert });

let auth: string;
let ctx: Ctx;
beforeAll(async () => {
  ({ ctx } = await createTestOrg(d()));
  auth = (await createTestKey(d(), ctx, ["jobs:write"])).authorization;
});
const headers = () => ({ authorization: auth });
const update = (id: string, body: unknown) => call(patch, { method: "PATCH", path: `/api/v1/jobs/${id}`, params: { id }, headers: headers(), body });
const read = (id: string) => call(getOne, { path: `/api/v1/jobs/${id}`, params: { id }, headers: headers() });
const ids = async (qs: string) => (await call(list, { path: `/api/v1/jobs${qs}`, headers: headers() })).json.data.map((j: { id: string }) => j.id);
const auditOf = (id: string) => d().select({ action: auditEvents.action, data: auditEvents.data }).from(auditEvents).where(and(eq(auditEvents.targetId, id), eq(auditEvents.organizationId, ctx.organizationId)));

describe("PATCH /api/v1/jobs/{id}", () => {
  it("changes only the fields sent, null clears an optional one, audited with the field names", async () => {
    const id = await insert(d(), ctx);
    const res = await update(id, { title: "  Staff Engineer ", location: null });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id, title: "Staff Engineer", location: null, description: "Build things", archivedAt: null });
    expect((await read(id)).json).toEqual(res.json);
    expect(await auditOf(id)).toContainEqual({ action: "job.updated", data: { fields: ["title", "location"] } });
  });

  it("422 naming a blank title, an unknown field or a wrong type, changing nothing", async () => {
    const id = await insert(d(), ctx);
    for (const [body, field] of [[{ title: "  " }, "title"], [{ name: "x" }, "name"], [{ archived: "yes" }, "archived"], [{ description: 3 }, "description"]] as const) {
      const res = await update(id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.errors).toEqual([expect.objectContaining({ field, in: "body" })]);
    }
    expect((await read(id)).json.title).toBe("Engineer");
  });

  it("409 naming externalId when another job of the organisation has it", async () => {
    const externalId = `req-${randomBase62(6)}`;
    await insert(d(), ctx, "First", externalId);
    const id = await insert(d(), ctx);
    const res = await update(id, { externalId });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: "conflict", errors: [{ field: "externalId", in: "body" }] });
  });
});

describe("archiving a job (DELETE, or PATCH archived)", () => {
  it("keeps the job readable by id, takes it out of the default list and the pickers, and restores it", async () => {
    const { ctx: mine } = await createTestOrg(d());
    const key = (await createTestKey(d(), mine, ["jobs:write"])).authorization;
    const as = { authorization: key };
    const externalId = `req-${randomBase62(6)}`;
    const kept = await insert(d(), mine, "Designer");
    const gone = await insert(d(), mine, "Data Engineer", externalId);

    const res = await call(archive, { method: "DELETE", path: `/api/v1/jobs/${gone}`, params: { id: gone }, headers: as });
    expect(res.status).toBe(200);
    expect(res.json.archivedAt).toMatch(/Z$/);
    const listed = async (qs: string) => (await call(list, { path: `/api/v1/jobs${qs}`, headers: as })).json.data.map((j: { id: string }) => j.id);
    expect(await listed("")).toEqual([kept]);
    expect(await listed("?archived=true")).toEqual([gone]);
    expect(await listed("?archived=all")).toEqual([gone, kept]);
    // A lookup by external id finds the job whatever its state: the id stays taken.
    expect(await listed(`?externalId=${externalId}`)).toEqual([gone]);
    expect(await listed(`?externalId=${externalId}&archived=false`)).toEqual([]);

    expect((await pickerOptions(d(), mine)).jobs.map((j) => j.id)).toEqual([kept]);
    expect((await searchPicker(d(), mine, "job", "")).map((j) => j.id)).toEqual([kept]);

    // Archiving again keeps the first date.
    const again = await call(archive, { method: "DELETE", path: `/api/v1/jobs/${gone}`, params: { id: gone }, headers: as });
    expect(again.json.archivedAt).toBe(res.json.archivedAt);

    const restored = await call(patch, { method: "PATCH", path: `/api/v1/jobs/${gone}`, params: { id: gone }, headers: as, body: { archived: false } });
    expect(restored.json.archivedAt).toBeNull();
    expect(await listed("")).toEqual([gone, kept]);
    const actions = (await d().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, gone))).map((a) => a.action).sort();
    expect(actions).toEqual(["job.archived", "job.created", "job.restored"]);
  });

  it("422 naming a malformed archived filter", async () => {
    const res = await call(list, { path: "/api/v1/jobs?archived=maybe", headers: headers() });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([expect.objectContaining({ field: "archived", in: "query" })]);
    expect(await ids("?archived=all")).toEqual(expect.any(Array));
  });
});
