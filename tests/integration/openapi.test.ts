import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { call } from "../helpers/http";

// What the document promises its readers. That each route serves exactly what the document
// says is tests/integration/route-operations.test.ts.

type Media = { example?: unknown };
type Op = {
  "x-required-scope"?: string;
  "x-internal"?: boolean;
  tags: string[];
  security: Record<string, unknown>[];
  parameters: { $ref?: string }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { $ref?: string; content?: Record<string, Media> }>;
};

async function served() {
  const res = await call(GET, { path: "/api/v1/openapi.json" });
  const paths = res.json.paths as Record<string, Record<string, Op>>;
  const ops = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
  return { res, ops };
}

describe("OpenAPI document", () => {
  it("is served as valid OpenAPI 3.1", async () => {
    const { res } = await served();
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(res.json));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("gives every v1 operation its scope, its error responses and a JSON example of each body", async () => {
    const { res, ops } = await served();
    for (const { name, op } of ops) {
      if (op["x-required-scope"]) {
        expect(op.security, name).toEqual([{ bearerAuth: [] }, { basicAuth: [] }]);
        expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(["401", "403", "429", "500"]));
      }
      if (op.requestBody) expect(op.requestBody.content["application/json"]!.example, `${name} request`).toBeDefined();
      for (const [status, r] of Object.entries(op.responses)) {
        if (r.content?.["application/json"]) expect(r.content["application/json"].example, `${name} ${status}`).toBeDefined();
      }
    }
    const v1 = ops.filter((o) => o.name.includes(" /api/v1/"));
    expect(v1.filter((o) => !o.op["x-required-scope"]).map((o) => o.name)).toEqual(["GET /api/v1/openapi.json"]);
    const problem422 = res.json.components.responses.E422.content["application/problem+json"].example;
    expect(problem422).toMatchObject({ status: 422, code: "validation_failed", errors: [expect.objectContaining({ field: "candidateId" })] });
  });

  it("describes the voice agent's and the console's endpoints as internal, in sections of their own, without API keys", async () => {
    const { res, ops } = await served();
    const internal = ops.filter((o) => o.op["x-internal"]);
    expect(internal.map((o) => o.name).sort()).toEqual([
      "GET /api/console/interviews/{id}",
      "GET /api/interviews/{id}/events",
      "GET /api/interviews/{id}/history",
      "GET /api/invite/{token}/conversation",
      "PATCH /api/interviews/{id}/turns/{turnNumber}",
      "POST /api/interviews/{id}/finalize",
      "POST /api/interviews/{id}/turns",
      "POST /api/invite/{token}/join",
      "POST /api/invite/{token}/messages",
    ]);
    const internalTags = (res.json.tags as { name: string; "x-internal"?: boolean }[]).filter((t) => t["x-internal"]).map((t) => t.name);
    for (const { name, op } of ops) {
      expect(internalTags.includes(op.tags[0]!), name).toBe(Boolean(op["x-internal"]));
      if (!op["x-internal"]) continue;
      expect(op["x-required-scope"], name).toBeUndefined();
      expect(op.security.flatMap(Object.keys), name).not.toContain("bearerAuth");
      expect(op.parameters.filter((p) => p.$ref), `${name}: Idempotency-Key is the public API's`).toEqual([]);
    }
    expect(ops.find((o) => o.name === "POST /api/interviews/{id}/turns")!.op.security).toEqual([{ agentSecret: [] }, { livekitAgentToken: [] }]);
    // The candidate's link is its own credential: nothing else is sent, and the answers say so.
    const join = ops.find((o) => o.name === "POST /api/invite/{token}/join")!.op;
    expect(join.security).toEqual([]);
    expect(Object.keys(join.responses).sort()).toEqual(["200", "400", "404", "409", "410", "413", "415", "422", "429", "500", "503"]);
  });
});
