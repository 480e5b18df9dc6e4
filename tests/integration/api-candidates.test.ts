import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/v1/candidates/[id]/route";
import { GET as list, POST as create } from "@/app/api/v1/candidates/route";
import { auditEvents } from "@/db/audit-events";
import { candidates } from "@/db/candidates";
import { createCandidate } from "@/lib/candidates/create";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();
const newCandidate = (over: Record<string, unknown> = {}) => ({ firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", ...over });
const insert = async (d: Db, ctx: Ctx) => (await createCandidate(d, ctx, { ...newCandidate(), phone: null, locale: "en", externalId: null })).id;

securityBattery({ handler: create, method: "POST", scope: "candidates:write", db, path: () => "/api/v1/candidates", body: newCandidate() });
securityBattery({ handler: list, scope: "candidates:read", db, path: () => "/api/v1/candidates" });
securityBattery({ handler: getOne, scope: "candidates:read", db, path: (id) => `/api/v1/candidates/${id}`, params: (id) => ({ id }), create: insert });

let auth: string;
let ctx: Ctx;
beforeAll(async () => {
  ({ ctx } = await createTestOrg(db.get().db));
  auth = (await createTestKey(db.get().db, ctx, ["candidates:write"])).authorization;
});
const post = (body: unknown) => call(create, { method: "POST", path: "/api/v1/candidates", headers: { authorization: auth }, body });
const fields = (res: { json: { errors: { field: string }[] } }) => res.json.errors.map((e) => e.field);

describe("POST /api/v1/candidates", () => {
  it("creates a candidate with every key present, defaults filled, readable by id, audited", async () => {
    const res = await post(newCandidate({ email: "Ada.Lovelace@Example.COM", locale: "fr-ca", phone: "+33 6 12 34 56 78" }));
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^cand_/),
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada.lovelace@example.com",
      phone: "+33 6 12 34 56 78",
      locale: "fr-CA",
      externalId: null,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(res.headers.get("location")).toBe(`/api/v1/candidates/${res.json.id}`);
    const again = await call(getOne, { path: res.headers.get("location")!, params: { id: res.json.id }, headers: { authorization: auth } });
    expect(again.json).toEqual(res.json);
    const audit = await db.get().db.select().from(auditEvents).where(eq(auditEvents.targetId, res.json.id));
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([["candidate.created", "api_key"]]);

    const minimal = await post(newCandidate());
    expect(minimal.json).toMatchObject({ locale: "en", phone: null, externalId: null });
  });

  it("422 naming each missing or invalid field, and writes nothing", async () => {
    const before = await db.get().db.$count(candidates, eq(candidates.organizationId, ctx.organizationId));
    const missing = await post({ email: "a@b.example" });
    expect(missing.status).toBe(422);
    expect(fields(missing).sort()).toEqual(["firstName", "lastName"]);
    expect(missing.json.errors[0]).toMatchObject({ in: "body", code: expect.any(String), message: expect.any(String) });

    expect(fields(await post(newCandidate({ email: "not-an-email" })))).toEqual(["email"]);
    expect(fields(await post(newCandidate({ firstName: 42 })))).toEqual(["firstName"]);
    expect(fields(await post(newCandidate({ locale: "english" })))).toEqual(["locale"]);
    expect(fields(await post(newCandidate({ locale: "fr_FR" })))).toEqual(["locale"]);
    expect(fields(await post(newCandidate({ phone: "call me" })))).toEqual(["phone"]);
    expect(fields(await post(newCandidate({ externalId: "" })))).toEqual(["externalId"]);
    expect(await db.get().db.$count(candidates, eq(candidates.organizationId, ctx.organizationId))).toBe(before);
  });

  it("409 naming externalId when the organisation already has it; another organisation may reuse it", async () => {
    const externalId = `ats-${randomBase62(6)}`;
    expect((await post(newCandidate({ externalId }))).status).toBe(201);
    const dup = await post(newCandidate({ externalId, email: "other@example.com" }));
    expect(dup.status).toBe(409);
    expect(dup.json.code).toBe("conflict");
    expect(dup.json.detail).toContain("externalId");
    expect(dup.json.errors).toEqual([expect.objectContaining({ field: "externalId", in: "body" })]);
    expect(await db.get().db.$count(candidates, eq(candidates.externalId, externalId))).toBe(1);

    const other = await createTestOrg(db.get().db);
    const otherAuth = (await createTestKey(db.get().db, other.ctx, ["candidates:write"])).authorization;
    const res = await call(create, { method: "POST", path: "/api/v1/candidates", headers: { authorization: otherAuth }, body: newCandidate({ externalId }) });
    expect(res.status).toBe(201);
  });
});

describe("GET /api/v1/candidates", () => {
  let readAuth: string;
  beforeAll(async () => {
    const org = await createTestOrg(db.get().db);
    readAuth = (await createTestKey(db.get().db, org.ctx, ["candidates:read"])).authorization;
    const d = db.get().db;
    await createCandidate(d, org.ctx, { ...newCandidate({ email: "grace@example.com" }), phone: null, locale: "en", externalId: "g-1" });
    await createCandidate(d, org.ctx, { ...newCandidate({ email: "grace@example.com" }), phone: null, locale: "en", externalId: "g-2" });
    await createCandidate(d, org.ctx, { ...newCandidate({ email: "alan@example.com" }), phone: null, locale: "en", externalId: null });
    await insert(d, ctx); // another organisation's candidate never shows
  });
  const get = (qs: string) => call(list, { path: `/api/v1/candidates${qs}`, headers: { authorization: readAuth } });

  it("lists only the organisation's candidates, newest first", async () => {
    const res = await get("");
    expect(res.json.data.map((c: { email: string }) => c.email)).toEqual(["alan@example.com", "grace@example.com", "grace@example.com"]);
    expect(res.json.pagination).toEqual({ page: 1, pageSize: 20, total: 3, totalExact: true, totalPages: 1, hasMore: false });
  });

  it("filters by e-mail (case-insensitive) and by externalId", async () => {
    const byEmail = await get("?email=GRACE@example.com");
    expect(byEmail.json.data.map((c: { externalId: string }) => c.externalId)).toEqual(["g-2", "g-1"]);
    expect(byEmail.json.pagination.total).toBe(2);
    const byExternal = await get("?externalId=g-1&unknownKey=ignored");
    expect(byExternal.status).toBe(200);
    expect(byExternal.json.data).toHaveLength(1);
    expect(byExternal.json.data[0].externalId).toBe("g-1");
    expect((await get("?externalId=nope")).json.data).toEqual([]);
  });

  it("matches an address stored in mixed case by another path (console import)", async () => {
    const org = await createTestOrg(db.get().db);
    const { authorization } = await createTestKey(db.get().db, org.ctx, ["candidates:read"]);
    const id = await insert(db.get().db, org.ctx);
    await db.get().db.update(candidates).set({ email: "Mixed.Case@Example.com" }).where(eq(candidates.id, id));
    const res = await call(list, { path: "/api/v1/candidates?email=mixed.case@example.com", headers: { authorization } });
    expect(res.json.data.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it("422 naming a malformed filter or page parameter", async () => {
    for (const [qs, field] of [["?email=nope", "email"], ["?externalId=", "externalId"], ["?page=0", "page"], ["?page=abc", "page"], ["?pageSize=0", "pageSize"], ["?pageSize=101", "pageSize"], ["?email=a@b.example&email=c@d.example", "email"]]) {
      const res = await get(qs!);
      expect(res.status, qs).toBe(422);
      expect(res.json.errors, qs).toEqual([expect.objectContaining({ field, in: "query" })]);
    }
  });
});
