import { z } from "zod";

type Json = Record<string, unknown>;

/**
 * zod → JSON Schema 2020-12 (what OpenAPI 3.1 uses), for the request (`input`) or the response
 * (`output`) side of a schema. Named schemas (`.meta({ id })`) are hoisted into `defs`.
 */
export function toSchema(schema: z.ZodType, io: "input" | "output", defs: Record<string, Json>): Json {
  const out = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    override: ({ jsonSchema }) => {
      const s = jsonSchema as Json;
      // The format says it; the generated 300-character regex only obscures the document.
      if (s.format === "date-time") delete s.pattern;
      // Query parameters arrive as digit strings but mean integers.
      if (s.type === "string" && s.pattern === "^\\d+$") {
        delete s.pattern;
        s.type = "integer";
        s.minimum = 1;
      }
      if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
      if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
    },
  }) as Json;
  delete out.$schema;
  const local = (out.$defs ?? {}) as Record<string, Json>;
  delete out.$defs;
  for (const [name, def] of Object.entries(local)) defs[name] = rewriteRefs(def) as Json;
  return rewriteRefs(out) as Json;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewriteRefs(v);
  }
  return out;
}
