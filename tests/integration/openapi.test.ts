import fs from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { operations } from "@/lib/openapi";
import { call } from "../helpers/http";

const V1 = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

const toOpenApiPath = (file: string) =>
  "/api/v1/" +
  path
    .relative(V1, path.dirname(file))
    .split(path.sep)
    .map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}"))
    .join("/");

describe("OpenAPI document", () => {
  it("is served as valid OpenAPI 3.1", async () => {
    const res = await call(GET, { path: "/api/v1/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(res.json));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("documents every route under app/api/v1, method by method", async () => {
    const documented = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`));
    const missing: string[] = [];
    for (const file of routeFiles(V1)) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        if (typeof mod[method] === "function" && !documented.has(`${method} ${toOpenApiPath(file)}`)) missing.push(`${method} ${toOpenApiPath(file)}`);
      }
    }
    expect(missing, `undocumented routes: ${missing.join(", ")}`).toEqual([]);
  });

  it("gives every operation its scope, its error responses and a JSON example of each body", async () => {
    const res = await call(GET, { path: "/api/v1/openapi.json" });
    type Media = { example?: unknown };
    type Op = { "x-required-scope"?: string; requestBody?: { content: Record<string, Media> }; responses: Record<string, { $ref?: string; content?: Record<string, Media> }> };
    const paths = res.json.paths as Record<string, Record<string, Op>>;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        const documented = operations.find((o) => o.path === path && o.method === method)!;
        if (documented.scope) {
          expect(op["x-required-scope"], name).toBe(documented.scope);
          expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(["401", "403", "429", "500"]));
        }
        if (op.requestBody) expect(op.requestBody.content["application/json"]!.example, `${name} request`).toBeDefined();
        for (const [status, r] of Object.entries(op.responses)) {
          if (r.content?.["application/json"]) expect(r.content["application/json"].example, `${name} ${status}`).toBeDefined();
        }
      }
    }
    const problem422 = res.json.components.responses.E422.content["application/problem+json"].example;
    expect(problem422).toMatchObject({ status: 422, code: "validation_failed", errors: [expect.objectContaining({ field: "candidateId" })] });
  });
});
