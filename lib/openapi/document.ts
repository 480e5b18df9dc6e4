import { ERROR_STATUS, ERROR_TITLES, type ErrorCode } from "@/lib/errors";
import { problem } from "@/lib/api/schemas/common";
import { SCOPE_DESCRIPTIONS } from "@/lib/auth/scopes";
import { APP_VERSION } from "@/lib/version";
import { strictBody } from "@/lib/http/validate";
import { exampleOf } from "./examples";
import { toSchema } from "./json-schema";
import type { Operation } from "./operation";

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed JSON body.",
  401: "Missing, unknown, revoked or expired API key.",
  403: "The API key lacks the scope this endpoint requires (named in `requiredScope`).",
  404: "Not found: unknown, malformed, or another organisation's id.",
  409: "Conflict with the object's current state, or a request with the same Idempotency-Key still in flight.",
  413: "JSON body over 1 MB.",
  415: "The body is not JSON.",
  422: "Well-formed but invalid: `errors` names each offending field or parameter.",
  429: "Rate limit exceeded; retry after `Retry-After` seconds.",
  500: "Unexpected error; quote the request id to support.",
};

const codesFor = (status: number) =>
  (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).filter(([, s]) => s === status).map(([c]) => `\`${c}\` (${ERROR_TITLES[c]})`);

const responseHeaders = {
  "Request-Id": { $ref: "#/components/headers/Request-Id" },
  "X-RateLimit-Limit": { $ref: "#/components/headers/X-RateLimit-Limit" },
  "X-RateLimit-Remaining": { $ref: "#/components/headers/X-RateLimit-Remaining" },
  "X-RateLimit-Reset": { $ref: "#/components/headers/X-RateLimit-Reset" },
};

function parameters(op: Operation, defs: Record<string, Json>): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [["path", op.params], ["query", op.query]] as const) {
    if (!schema) continue;
    const json = toSchema(schema, "input", defs) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), description, schema: rest });
    }
  }
  if (op.method === "post") {
    out.push({ $ref: "#/components/parameters/IdempotencyKey" });
  }
  return out;
}

function operationObject(op: Operation, defs: Record<string, Json>): Json {
  const responses: Json = {};
  for (const [status, spec] of Object.entries(op.responses)) {
    responses[status] = {
      description: spec.description,
      headers: responseHeaders,
      ...(spec.schema
        ? { content: { "application/json": { schema: toSchema(spec.schema, "output", defs), ...(spec.example !== undefined ? { example: spec.example } : {}) } } }
        : {}),
    };
  }
  const errors = new Set([...(op.scope ? [401, 403, 429] : []), ...(op.body ? [400, 413, 415, 422] : []), ...(op.query ? [422] : []), ...(op.errors ?? []), 500]);
  for (const status of [...errors].sort()) responses[status] = { $ref: `#/components/responses/E${status}` };
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(op.scope ? { security: [{ bearerAuth: [] }, { basicAuth: [] }], "x-required-scope": op.scope } : { security: [] }),
    parameters: parameters(op, defs),
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(strictBody(op.body), "input", defs), ...(op.bodyExample !== undefined ? { example: op.bodyExample } : {}) } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the public API, built from the routes' own zod schemas. */
export function buildDocument(operations: Operation[], serverUrl: string): Json {
  const defs: Record<string, Json> = {};
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operationObject(op, defs) };
  }
  const errorStatuses = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500];
  const problemSchema = toSchema(problem, "output", defs);
  fillExamples(paths, defs);
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
      ].join("\n\n"),
    },
    servers: [{ url: serverUrl }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...defs, Problem: problemSchema },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key: `parley_…`." },
        basicAuth: { type: "http", scheme: "basic", description: "The API key as user name, empty password." },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Retrying a POST with the same key and body within 24 hours replays the first response instead of acting twice.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        "Request-Id": { description: "Identifies this request in logs and support tickets.", schema: { type: "string" } },
        "X-RateLimit-Limit": { description: "Requests allowed per window for this API key.", schema: { type: "integer" } },
        "X-RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
        "X-RateLimit-Reset": { description: "When the current window ends (see the API conventions).", schema: { type: "integer" } },
      },
      responses: Object.fromEntries(
        errorStatuses.map((s) => [
          `E${s}`,
          {
            description: `${STATUS_TEXT[s]} Codes: ${codesFor(s).join(", ")}.`,
            headers: { "Request-Id": { $ref: "#/components/headers/Request-Id" }, ...(s === 429 ? { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } : {}) },
            content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" }, example: problemExample(s) } },
          },
        ]),
      ),
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

function problemExample(status: number): Json {
  const [code] = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status)!;
  return {
    type: `https://parley.dev/problems/${code.replaceAll("_", "-")}`,
    title: ERROR_TITLES[code],
    status,
    detail: status === 422 ? "candidateId: must be a candidate id" : STATUS_TEXT[status],
    code,
    requestId: "req_4Fq8ZbT1xKc9LmN2pR7s",
    ...(status === 422 ? { errors: [{ field: "candidateId", in: "body", message: "must be a candidate id", code: "custom" }] } : {}),
  };
}
