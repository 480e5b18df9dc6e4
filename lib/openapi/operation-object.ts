import { strictBody } from "@/lib/http/validate";
import { CALLERS } from "./callers";
import { errorResponse } from "./errors";
import { toSchema } from "./json-schema";
import { authOf, type Operation } from "./operation";

type Json = Record<string, unknown>;

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
  // Only the public API's wrapper claims Idempotency-Key, and only on POST.
  if (op.method === "post" && authOf(op) === "apiKey") out.push({ $ref: "#/components/parameters/IdempotencyKey" });
  return out;
}

function responses(op: Operation, defs: Record<string, Json>): Json {
  const caller = CALLERS[authOf(op)];
  const out: Json = {};
  for (const [status, spec] of Object.entries(op.responses)) {
    const media = spec.contentType ?? "application/json";
    const schema = spec.schema ? toSchema(spec.schema, "output", defs) : { type: "string" };
    out[status] = {
      description: spec.description,
      headers: caller.headers,
      ...(spec.schema || spec.contentType ? { content: { [media]: { schema, ...(spec.example !== undefined ? { example: spec.example } : {}) } } } : {}),
    };
  }
  // The wrapper's own refusals, in the order its steps run, then the endpoint's.
  const errors = new Set([...caller.errors, ...(op.params ? [404] : []), ...(op.body ? [400, 413, 415, 422] : []), ...(op.query ? [422] : []), ...(op.errors ?? []), 500]);
  for (const status of [...errors].sort()) out[status] = errorResponse(status, caller.errorText?.[status]);
  return out;
}

/** One operation of the document, from the same declaration its route serves. */
export function operationObject(op: Operation, defs: Record<string, Json>): Json {
  const caller = CALLERS[authOf(op)];
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(caller.internal ? { "x-internal": true } : {}),
    security: caller.security,
    ...(op.scope ? { "x-required-scope": op.scope } : {}),
    parameters: parameters(op, defs),
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(strictBody(op.body), "input", defs), ...(op.bodyExample !== undefined ? { example: op.bodyExample } : {}) } } } }
      : {}),
    responses: responses(op, defs),
  };
}
