import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every depth, so that two bodies meaning the same thing
 * (other key order, other whitespace, `1.0` for `1`) hash the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** What identifies "the same request" for an Idempotency-Key: method, path with query, body. */
export function requestHash(method: string, pathWithQuery: string, body: unknown): string {
  return createHash("sha256").update(`${method.toUpperCase()}\n${pathWithQuery}\n${canonicalJson(body)}`).digest("hex");
}
