import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { revokeApiKey } from "@/lib/api-keys";
import { apiKeys } from "@/db/api-keys";
import { isId } from "@/lib/ids";
import { json } from "@/lib/http/json";
import { v1Route } from "@/lib/http/v1-route";
import { eq } from "drizzle-orm";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";

// A route built with the same wrapper the public API uses, to pin down the shared behaviour:
// credentials, scopes, validation, error bodies, request ids.
const echo = v1Route(
  {
    scope: "interviews:write",
    resource: "Interview",
    params: z.object({ id: z.string().refine((v) => isId("interview", v)) }),
    query: z.object({ pageSize: z.coerce.number().int().min(1).max(100).optional() }),
    body: z.object({ name: z.string().min(1), count: z.number().int().min(0) }),
  },
  async ({ ctx, params, body, query }) => json({ organizationId: ctx.organizationId, id: params.id, body, query }, { status: 201 }),
);
const boom = v1Route({ scope: "interviews:read" }, async () => {
  throw new Error("secret database detail");
});

const db = setupTestDatabase();
const ID = "int_0123456789abcdefghijkl";
let auth: string;
let orgId: string;

beforeAll(async () => {
  const { ctx, org } = await createTestOrg(db.get().db);
  orgId = org.id;
  auth = (await createTestKey(db.get().db, ctx)).authorization;
});

const post = (headers: Record<string, string>, body: unknown = { name: "x", count: 1 }, path = `/api/v1/things/${ID}`) =>
  call(echo, { method: "POST", path, params: { id: ID }, headers, body });

describe("v1 route wrapper", () => {
  it("serves a valid request, scoped to the key's organisation, with a request id", async () => {
    const res = await post({ authorization: auth });
    expect(res.status).toBe(201);
    expect(res.json.organizationId).toBe(orgId);
    expect(res.headers.get("request-id")).toMatch(/^req_/);
  });

  it("accepts HTTP Basic with the key as user name and an empty password", async () => {
    const key = auth.replace("Bearer ", "");
    const res = await post({ authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });
    expect(res.status).toBe(201);
  });

  it("401 without a key, with a problem body naming the code and the request id", async () => {
    const res = await post({});
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toMatchObject({ status: 401, code: "unauthenticated", title: expect.any(String), type: expect.stringContaining("unauthenticated") });
    expect(res.json.requestId).toBe(res.headers.get("request-id"));
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("401 for an unknown, malformed, revoked or expired key", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const unknown = "parley_" + "A".repeat(36);
    expect((await post({ authorization: `Bearer ${unknown}` })).status).toBe(401);
    expect((await post({ authorization: "Bearer nonsense" })).status).toBe(401);

    const revoked = await createTestKey(db.get().db, ctx);
    await revokeApiKey(db.get().db, ctx, revoked.id);
    const res = await post({ authorization: revoked.authorization });
    expect(res.status).toBe(401);
    expect(res.json.detail).toMatch(/revoked/);

    const expired = await createTestKey(db.get().db, ctx);
    await db.get().db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, expired.id));
    expect((await post({ authorization: expired.authorization })).json.detail).toMatch(/expired/);
  });

  it("refuses a key in the query string even when it is valid", async () => {
    const key = auth.replace("Bearer ", "");
    const res = await post({}, undefined, `/api/v1/things/${ID}?api_key=${key}`);
    expect(res.status).toBe(401);
    expect(res.json.detail).toMatch(/Authorization header/);
  });

  it("403 naming the missing scope", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const readOnly = await createTestKey(db.get().db, ctx, ["interviews:read"]);
    const res = await post({ authorization: readOnly.authorization });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ code: "insufficient_scope", requiredScope: "interviews:write" });
    expect(res.json.detail).toContain("interviews:write");
  });

  it("404 for a malformed id, before anything else is parsed", async () => {
    const res = await call(echo, { method: "POST", path: "/api/v1/things/abc", params: { id: "abc" }, headers: { authorization: auth }, body: { bad: true } });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: "not_found", detail: "Interview not found." });
  });

  it("400 for unparseable JSON", async () => {
    const res = await call(echo, { method: "POST", path: `/x/${ID}`, params: { id: ID }, headers: { authorization: auth, "content-type": "application/json" }, rawBody: "{nope" });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("invalid_json");
  });

  it("422 naming each invalid field in the body and the query", async () => {
    const res = await post({ authorization: auth }, { name: "", count: -1, extra: 1 });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("validation_failed");
    const fields = res.json.errors.map((e: { field: string; in: string }) => `${e.in}:${e.field}`);
    expect(fields).toEqual(expect.arrayContaining(["body:name", "body:count"]));

    const q = await post({ authorization: auth }, undefined, `/api/v1/things/${ID}?pageSize=101`);
    expect(q.status).toBe(422);
    expect(q.json.errors[0]).toMatchObject({ field: "pageSize", in: "query" });
  });

  it("422 naming each unknown field, so a misspelt option never falls back to its default silently", async () => {
    const res = await post({ authorization: auth }, { name: "x", count: 1, sendinvite: false, Count: 2 });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([
      { field: "sendinvite", in: "body", message: "is not a known field", code: "unrecognized_keys" },
      { field: "Count", in: "body", message: "is not a known field", code: "unrecognized_keys" },
    ]);
  });

  it("413 for a JSON body over 1 MB", async () => {
    const big = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10), count: 1 });
    const res = await call(echo, { method: "POST", path: `/x/${ID}`, params: { id: ID }, headers: { authorization: auth, "content-type": "application/json" }, rawBody: big });
    expect(res.status).toBe(413);
    expect(res.json.code).toBe("payload_too_large");
  });

  it("500 with a generic detail; the real error stays out of the response", async () => {
    const res = await call(boom, { path: "/x", headers: { authorization: auth } });
    expect(res.status).toBe(500);
    expect(res.json.code).toBe("internal_error");
    expect(res.text).not.toContain("secret database detail");
    expect(res.json.requestId).toBe(res.headers.get("request-id"));
  });
});
