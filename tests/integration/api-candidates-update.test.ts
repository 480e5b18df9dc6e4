import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOne, PATCH as patch } from "@/app/api/v1/candidates/[id]/route";
import { auditEvents } from "@/db/audit-events";
import { createCandidate } from "@/lib/candidates/create";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { securityBattery } from "../helpers/security";

const db = setupTestDatabase();
const d = () => db.get().db;
const insert = async (x: Db, ctx: Ctx, externalId: string | null = null) =>
  (await createCandidate(x, ctx, { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+33 6 12 34 56 78", locale: "en", externalId })).id;

securityBattery({ handler: patch, method: "PATCH", scope: "candidates:write", db, path: (id) => `/api/v1/candidates/${id}`, params: (id) => ({ id }), create: insert, body: { lastName: "Byron" } });

let auth: string;
let ctx: Ctx;
beforeAll(async () => {
  ({ ctx } = await createTestOrg(d()));
  auth = (await createTestKey(d(), ctx, ["candidates:write"])).authorization;
});
const update = (id: string, body: unknown) => call(patch, { method: "PATCH", path: `/api/v1/candidates/${id}`, params: { id }, headers: { authorization: auth }, body });
const read = (id: string) => call(getOne, { path: `/api/v1/candidates/${id}`, params: { id }, headers: { authorization: auth } });

describe("PATCH /api/v1/candidates/{id}", () => {
  it("changes only the fields sent with the creation rules, null clears the phone, audited without values", async () => {
    const id = await insert(d(), ctx);
    const res = await update(id, { email: "Ada.King@Example.ORG", locale: "fr-ca", phone: null });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id, firstName: "Ada", lastName: "Lovelace", email: "ada.king@example.org", locale: "fr-CA", phone: null });
    expect((await read(id)).json).toEqual(res.json);
    const audit = await d().select({ action: auditEvents.action, data: auditEvents.data }).from(auditEvents).where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, "candidate.updated")));
    expect(audit).toEqual([{ action: "candidate.updated", data: { fields: ["email", "phone", "locale"] } }]);
    expect(JSON.stringify(audit)).not.toContain("example.org");
  });

  it("an unchanged value writes nothing and records nothing", async () => {
    const id = await insert(d(), ctx);
    const before = (await read(id)).json;
    const res = await update(id, { firstName: "Ada" });
    expect(res.json).toEqual(before);
    expect(await d().$count(auditEvents, and(eq(auditEvents.targetId, id), eq(auditEvents.action, "candidate.updated")))).toBe(0);
  });

  it("422 naming each bad field, changing nothing", async () => {
    const id = await insert(d(), ctx);
    const res = await update(id, { email: "not-an-address", firstName: " ", locale: "english" });
    expect(res.status).toBe(422);
    expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(["email", "firstName", "locale"]);
    expect((await read(id)).json.email).toBe("ada@example.com");
  });

  it("409 naming externalId when another candidate of the organisation has it", async () => {
    const externalId = `ats-${randomBase62(6)}`;
    await insert(d(), ctx, externalId);
    const id = await insert(d(), ctx);
    const res = await update(id, { externalId });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: "conflict", errors: [{ field: "externalId", in: "body" }] });
  });
});
