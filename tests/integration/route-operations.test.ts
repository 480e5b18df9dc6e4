import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { setSessionResolver } from "@/lib/http/console-route";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { v1Route } from "@/lib/http/v1-route";
import * as candidateOps from "@/lib/candidates/operations";
import { openApiDocument, operations } from "@/lib/openapi";
import { setupTestDatabase } from "../helpers/db";
import { createTestKey, createTestOrg } from "../helpers/factories";
import { call } from "../helpers/http";
import { disagreements, loadRoutes, METHODS, type RouteModule } from "../helpers/route-operations";
import { scopesWithout } from "../helpers/security";
import { SCOPES, type Scope } from "@/lib/auth/scopes";

// Routes that are no API operation: the load balancer's health check, the benchmark's two
// baselines and next-auth's own handlers.
const NOT_OPERATIONS = ["health", "%5Fbench/ping", "%5Fbench/parse", "auth/[...nextauth]"];

const db = setupTestDatabase();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const doc = () => openApiDocument() as any;
let routes: RouteModule[];

beforeAll(async () => {
  routes = await loadRoutes(NOT_OPERATIONS);
});

describe("routes and their documentation", () => {
  it("every route serves an operation the document was built from, at its own method and path, and every operation is served", () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(disagreements(routes, operations, doc())).toEqual([]);
  });

  it("the check catches a route whose scope differs from its documentation, a route serving no operation and an operation no route serves", () => {
    const fake = (module: Record<string, unknown>, path: string): RouteModule => ({ file: "fake", path, module });
    const widened = v1Route({ ...candidateOps.getCandidate, scope: "jobs:read" }, async () => json({}));
    const bare = route(async () => json({}));
    // The route's other methods (PATCH) stay served, so only GET's disagreements are reported.
    const { GET: _get, ...others } = routes.find((r) => r.path === "/api/v1/candidates/{id}")!.module;
    const served = [...routes.filter((r) => r.path !== "/api/v1/candidates/{id}"), fake(others, "/api/v1/candidates/{id}")];
    expect(disagreements([...served.filter((r) => r.file !== "fake"), fake({ ...others, GET: widened }, "/api/v1/candidates/{id}")], operations, doc())).toEqual([
      "GET /api/v1/candidates/{id}: serves an operation the document was not built from",
      "GET /api/v1/candidates/{id}: the document requires candidates:read, the route jobs:read",
      "GET /api/v1/candidates/{id}: documented, but no route serves it",
    ]);
    expect(disagreements([...routes, fake({ GET: bare }, "/api/v1/extra")], operations, doc())).toEqual(["GET /api/v1/extra: serves no operation"]);
    expect(disagreements(served, operations, doc())).toEqual(["GET /api/v1/candidates/{id}: documented, but no route serves it"]);
  });

  it("operations cannot be changed after they are declared, so the document built from them stays true", () => {
    expect(() => Object.assign(candidateOps.getCandidate, { scope: "jobs:read" })).toThrow(TypeError);
  });
});

describe("what each route enforces is what the document says", () => {
  const exported = () =>
    routes.flatMap((r) => METHODS.filter((m) => typeof r.module[m] === "function").map((m) => ({ method: m, path: r.path, handler: r.module[m] as Parameters<typeof call>[0] })));
  const documented = (method: string, path: string) => doc().paths[path][method.toLowerCase()];
  const send = (route: ReturnType<typeof exported>[number], authorization: string) =>
    call(route.handler, { method: route.method, path: route.path.replace(/\{(\w+)\}/g, "x"), params: { id: "x", reportId: "x", turnNumber: "1" }, headers: { authorization } });

  it("a v1 route refuses a key lacking the documented scope, naming it, and lets a key holding only that scope past the check", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const keys = new Map<Scope, { without: string; only: string }>();
    for (const scope of SCOPES) {
      const [without, only] = [await createTestKey(db.get().db, ctx, scopesWithout(scope)), await createTestKey(db.get().db, ctx, [scope])];
      keys.set(scope, { without: without.authorization, only: only.authorization });
    }
    const v1 = exported().filter((r) => documented(r.method, r.path)["x-required-scope"]);
    expect(v1.length).toBeGreaterThan(10);
    for (const r of v1) {
      const scope = documented(r.method, r.path)["x-required-scope"] as Scope;
      const refused = await send(r, keys.get(scope)!.without);
      expect({ route: `${r.method} ${r.path}`, status: refused.status, requiredScope: refused.json?.requiredScope }).toEqual({ route: `${r.method} ${r.path}`, status: 403, requiredScope: scope });
      const passed = await send(r, keys.get(scope)!.only);
      expect([401, 403], `${r.method} ${r.path}`).not.toContain(passed.status);
    }
  });

  it("an internal route refuses an API key holding every scope (the candidate's, whose link is the credential, ignore it)", async () => {
    // Outside Next, next-auth cannot read a session; no session is what an API key caller has.
    setSessionResolver(async () => null);
    onTestFinished(() => setSessionResolver(undefined));
    const { ctx } = await createTestOrg(db.get().db);
    const key = await createTestKey(db.get().db, ctx);
    const internal = exported().filter((r) => documented(r.method, r.path)["x-internal"] && documented(r.method, r.path).security.length > 0);
    expect(internal.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(["POST /api/interviews/{id}/turns", "GET /api/interviews/{id}/events"]));
    for (const r of internal) expect((await send(r, key.authorization)).status, `${r.method} ${r.path}`).toBe(401);
    const candidate = exported().filter((r) => r.path.startsWith("/api/invite/"));
    expect(candidate).toHaveLength(3);
    for (const r of candidate) expect((await send(r, key.authorization)).status, `${r.method} ${r.path}`).toBe(404);
  });
});
