import { beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "@/lib/api-keys";
import { generateApiKey } from "@/lib/auth/api-key-format";
import { SCOPES, type Scope } from "@/lib/auth/scopes";
import type { Ctx } from "@/lib/context";
import type { Database, Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";
import { createTestKey, createTestOrg } from "./factories";
import { call } from "./http";

type Handler = Parameters<typeof call>[0];
// A named function type (not `unknown | fn`) so an inline builder's parameters are typed.
type BodyBuilder = (db: Db, ctx: Ctx) => unknown;

export type SecurityBatteryOptions = {
  /** Heading of the generated `describe`; defaults to "<METHOD> <path>". */
  name?: string;
  handler: Handler;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The scope the route requires; the battery checks a key holding every other scope is refused. */
  scope: Scope;
  /** What `setupTestDatabase()` returned at the top of the test file. */
  db: { get: () => Database };
  /** URL path for an id (routes without an id ignore it). */
  path: (id: string) => string;
  /** Path parameters for an id, as Next passes them; omit for routes without an id. */
  params?: (id: string) => Record<string, string>;
  /**
   * For routes that take an id: creates a fresh object in the given organisation and returns
   * its id. Called for the key's own organisation (positive control) and for another one
   * (which must be a 404). Omit for collection routes.
   */
  create?: (db: Db, ctx: Ctx) => Promise<string>;
  /**
   * A valid request body, or a function of the key's organisation building one (fresh
   * objects to refer to, unique external ids): it is called for every request.
   */
  body?: BodyBuilder | Record<string, unknown> | unknown[] | string | number | boolean | null;
  /** Extra request headers sent with every call (the Authorization header is the battery's). */
  headers?: Record<string, string>;
  /** Status of the positive control; defaults to 201 for POST, 200 otherwise. */
  okStatus?: number;
};

/** Every scope except the required one and the scopes that imply it (x:write implies x:read). */
export function scopesWithout(scope: Scope): Scope[] {
  const implying = scope.endsWith(":read") ? scope.replace(/:read$/, ":write") : scope;
  return SCOPES.filter((s) => s !== scope && s !== implying);
}

/**
 * Registers the checks every public API route must pass: 401 without, with an unknown or a
 * revoked key; 403 naming the scope for a key without it; 404 for another organisation's,
 * an unknown or a malformed id. A positive control (a key holding only the required scope
 * succeeds on the organisation's own object) proves the refusals come from the checks, not
 * from a broken request.
 */
export function securityBattery(options: SecurityBatteryOptions): void {
  const method = options.method ?? "GET";
  const okStatus = options.okStatus ?? (method === "POST" ? 201 : 200);
  const takesId = Boolean(options.create);
  if (takesId && !options.params) throw new Error("securityBattery: a route with `create` needs `params`");

  describe(options.name ?? `${method} ${options.path(":id")} security`, () => {
    let ownCtx: Ctx;
    let ownId = "";
    let foreignId = "";
    let scopedAuth: string;
    let foreignScopeAuth: string;
    let revokedAuth: string;
    const db = () => options.db.get().db;

    beforeAll(async () => {
      const own = await createTestOrg(db(), "Security own org");
      ownCtx = own.ctx;
      scopedAuth = (await createTestKey(db(), ownCtx, [options.scope])).authorization;
      foreignScopeAuth = (await createTestKey(db(), ownCtx, scopesWithout(options.scope))).authorization;
      const revoked = await createTestKey(db(), ownCtx);
      await revokeApiKey(db(), ownCtx, revoked.id);
      revokedAuth = revoked.authorization;
      if (options.create) {
        ownId = await options.create(db(), ownCtx);
        const other = await createTestOrg(db(), "Security other org");
        foreignId = await options.create(db(), other.ctx);
      }
    });

    const send = async (id: string, headers: Record<string, string>) => {
      const body = typeof options.body === "function" ? await options.body(db(), ownCtx) : options.body;
      return call(options.handler, { method, path: options.path(id), params: options.params?.(id), headers: { ...options.headers, ...headers }, body });
    };
    const expectProblem = (res: Awaited<ReturnType<typeof send>>, status: number, code: string) => {
      expect(res.status, res.text).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.code).toBe(code);
    };

    it(`succeeds with a key holding only ${options.scope} (positive control)`, async () => {
      const id = options.create ? await options.create(db(), ownCtx) : "";
      const res = await send(id, { authorization: scopedAuth });
      expect(res.status, res.text).toBe(okStatus);
    });

    it("401 without a key", async () => {
      expectProblem(await send(ownId, {}), 401, "unauthenticated");
    });

    it("401 for a well-formed key that does not exist", async () => {
      expectProblem(await send(ownId, { authorization: `Bearer ${generateApiKey()}` }), 401, "unauthenticated");
    });

    it("401 for a revoked key", async () => {
      const res = await send(ownId, { authorization: revokedAuth });
      expectProblem(res, 401, "unauthenticated");
      expect(res.json.detail).toMatch(/revoked/);
    });

    it(`403 naming ${options.scope} for a key holding every other scope`, async () => {
      const res = await send(ownId, { authorization: foreignScopeAuth });
      expectProblem(res, 403, "insufficient_scope");
      expect(res.json.requiredScope).toBe(options.scope);
      expect(res.json.detail).toContain(options.scope);
    });

    if (!takesId) return;

    it("401 before 404: without a key, an id's existence is not revealed", async () => {
      expectProblem(await send(foreignId, {}), 401, "unauthenticated");
    });

    it("404 for another organisation's id", async () => {
      expectProblem(await send(foreignId, { authorization: scopedAuth }), 404, "not_found");
    });

    it("404 for a well-formed id that does not exist", async () => {
      const unknown = `${ownId.split("_")[0]}_${randomBase62(22)}`;
      expectProblem(await send(unknown, { authorization: scopedAuth }), 404, "not_found");
    });

    it("404 for malformed ids", async () => {
      for (const bad of ["nope", `${ownId}x`, ownId.toUpperCase(), "org_0123456789abcdefghijkl", "' or 1=1 --"]) {
        expectProblem(await send(bad, { authorization: scopedAuth }), 404, "not_found");
      }
    });
  });
}
