import fs from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { campaignOperations } from "@/lib/campaigns/openapi";
import { candidateOperations } from "@/lib/candidates/openapi";
import { interviewConfigOperations, reportOperations } from "@/lib/interview-configs/openapi";
import { jobOperations } from "@/lib/jobs/openapi";
import { buildDocument } from "@/lib/openapi/document";

// These operations are ready to be spread into lib/openapi/index.ts; until then this checks
// they make a valid document and cover every method of the routes they describe.
const operations = [...candidateOperations, ...jobOperations, ...campaignOperations, ...interviewConfigOperations, ...reportOperations];
const ROUTES = ["candidates", "candidates/[id]", "jobs", "jobs/[id]", "campaigns", "campaigns/[id]", "interview-configs", "interview-configs/[id]", "reports/[reportId]"];

describe("OpenAPI operations of candidates, jobs, campaigns, configurations and reports", () => {
  it("build a valid OpenAPI 3.1 document", async () => {
    const doc = buildDocument(operations, "http://localhost:3000");
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid, JSON.stringify(result, null, 1)).toBe(true);
  });

  it("describe every exported method of their route files", async () => {
    const documented = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`));
    for (const route of ROUTES) {
      const file = path.join(process.cwd(), "app", "api", "v1", route, "route.ts");
      expect(fs.existsSync(file), file).toBe(true);
      const mod = (await import(file)) as Record<string, unknown>;
      const openApiPath = `/api/v1/${route.replace(/\[(.+?)\]/g, "{$1}")}`;
      for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
        if (typeof mod[method] === "function") expect(documented.has(`${method} ${openApiPath}`), `${method} ${openApiPath}`).toBe(true);
      }
    }
  });
});
