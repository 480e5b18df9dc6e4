type Json = Record<string, unknown>;

const SAMPLE_TIME = "2026-11-28T09:30:00.000Z";

// Plausible values by field name, for fields whose schema carries no example of its own.
const BY_NAME: Record<string, unknown> = {
  id: "int_7Gk2Pq9Xw4Lm8Rt3Vb6Zn1",
  interviewId: "int_7Gk2Pq9Xw4Lm8Rt3Vb6Zn1",
  candidateId: "cand_3nX8kQ2pLw9vR4tY7mB1cZ",
  jobId: "job_5Hs1Vn8Kq3Wd7Zp2Lx9Mb4",
  campaignId: "camp_2Kd9Wq4Zx7Ls1Vp8Nb3Hm6",
  stageId: "stg_8Nb3Hm6Kd9Wq4Zx7Ls1Vp2",
  configId: "cfg_4Zx7Ls1Vp8Nb3Hm6Kd9Wq2",
  reportId: "rep_9Wq4Zx7Ls1Vp8Nb3Hm6Kd2",
  emailId: "eml_1Vp8Nb3Hm6Kd9Wq4Zx7Ls2",
  firstName: "Grace",
  lastName: "Hopper",
  email: "grace@example.com",
  phone: "+33 6 12 34 56 78",
  externalId: "ats-42",
  title: "Senior Backend Engineer",
  name: "Backend hiring, winter 2026",
  location: "Remote (EU)",
  description: "Design and run the services behind our fleet-management platform.",
  content: "I led the migration of our billing system to event sourcing; I wrote the replay tooling myself.",
  quote: "I wrote the replay tooling myself",
  audioUrl: "https://storage.example.com/recordings/int_7Gk2Pq9Xw4Lm8Rt3Vb6Zn1.ogg",
  url: "https://ats.example.com/webhooks/parley",
  invitationUrl: "https://parley.example.com/i/Pf9WvrOVrGChBctXBCOaLJeMe_W-Ofjp5G7wZ7S-E5Q",
  key: "experience",
  label: "Relevant experience",
  rationale: "Specific, relevant examples with clear personal contribution.",
  summary: "Six years of backend work with measurable outcomes; answers were structured and on point.",
  emailError: null,
  failureReason: null,
  hasMore: false,
  locale: "en",
  language: "en",
};

/**
 * A concrete example for a JSON Schema, so that every response in the reference shows real
 * JSON: a field's own `example` (or first `examples` entry) wins; otherwise a value is made
 * from its type, format or enum. Named schemas are followed through `$ref`.
 */
export function exampleOf(schema: unknown, components: Record<string, Json>, depth = 0, name?: string): unknown {
  if (!schema || typeof schema !== "object" || depth > 12) return null;
  const s = schema as Json;
  if ("example" in s) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  const type0 = Array.isArray(s.type) ? s.type : [s.type];
  if (name && name in BY_NAME && !type0.includes("object") && !type0.includes("array")) return BY_NAME[name];
  if (typeof s.$ref === "string") return exampleOf(components[s.$ref.split("/").pop()!], components, depth + 1, name);
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const variants = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (variants) {
    const nonNull = variants.find((v) => (v as Json).type !== "null");
    return exampleOf(nonNull ?? variants[0], components, depth + 1, name);
  }
  if (Array.isArray(s.allOf)) return Object.assign({}, ...s.allOf.map((p) => exampleOf(p, components, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object": {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      // A nested object's own `id` takes the hint of its parent's name: candidate.id → candidateId.
      const hint = (k: string) => (k === "id" && name && `${name}Id` in BY_NAME ? `${name}Id` : k);
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, exampleOf(v, components, depth + 1, hint(k))]));
    }
    case "array":
      return s.items ? [exampleOf(s.items, components, depth + 1)] : [];
    case "integer":
      return typeof s.minimum === "number" ? s.minimum : 1;
    case "number":
      return typeof s.minimum === "number" ? s.minimum : 1.5;
    case "boolean":
      return true;
    case "string":
      if (s.format === "date-time") return SAMPLE_TIME;
      if (s.format === "email") return "grace@example.com";
      if (s.format === "uri") return "https://example.com";
      return "string";
    default:
      return null;
  }
}
