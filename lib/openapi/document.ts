import { problem } from "@/lib/api/schemas/common";
import { SCOPE_DESCRIPTIONS } from "@/lib/auth/scopes";
import { APP_VERSION } from "@/lib/version";
import { headerComponents, securitySchemes } from "./callers";
import { errorComponents } from "./errors";
import { exampleOf } from "./examples";
import { toSchema } from "./json-schema";
import type { Operation } from "./operation";
import { operationObject } from "./operation-object";
import { TAGS } from "./tags";

type Json = Record<string, unknown>;

/** The OpenAPI 3.1 document, built from the operations the routes serve. */
export function buildDocument(operations: Operation[], serverUrl: string): Json {
  const defs: Record<string, Json> = {};
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operationObject(op, defs) };
  }
  const problemSchema = toSchema(problem, "output", defs);
  fillExamples(paths, defs);
  const used = new Set(operations.map((o) => o.tag));
  return {
    openapi: "3.1.0",
    info: {
      title: "Parley API",
      version: APP_VERSION,
      description: [
        "Create AI voice interviews, invite candidates and read reports from your applicant tracker.",
        "Authenticate with `Authorization: Bearer <key>` (or HTTP Basic with the key as user name and an empty password).",
        "Scopes: " + Object.entries(SCOPE_DESCRIPTIONS).map(([s, d]) => `\`${s}\`: ${d}`).join(" "),
        "v1 only ever grows: ignore fields you do not know.",
        "Sections marked internal (`x-internal`) describe what Parley's own voice agent and console call. They are not part of v1's promise, refuse API keys, and may change without notice.",
      ].join("\n\n"),
    },
    servers: [{ url: serverUrl }],
    tags: TAGS.filter((t) => used.has(t.name)).map((t) => ({
      name: t.name,
      ...("description" in t ? { description: t.description } : {}),
      ...("internal" in t ? { "x-internal": true } : {}),
    })),
    paths,
    components: {
      schemas: { ...defs, Problem: problemSchema },
      securitySchemes,
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Retrying a POST with the same API key, Idempotency-Key and body within 24 hours replays the first response instead of acting twice.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
      headers: headerComponents,
      responses: errorComponents(),
    },
  };
}

/** Every JSON request and response without an explicit example gets one made from its schema. */
function fillExamples(paths: Record<string, Json>, defs: Record<string, Json>): void {
  const media = (content: unknown) => (content as Record<string, Json> | undefined)?.["application/json"];
  for (const methods of Object.values(paths)) {
    for (const op of Object.values(methods) as Json[]) {
      const targets = [media((op.requestBody as Json | undefined)?.content), ...Object.values(op.responses as Record<string, Json>).map((r) => media(r.content))];
      for (const m of targets) if (m && m.example === undefined) m.example = exampleOf(m.schema, defs);
    }
  }
}
