import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json";

/** What identifies "the same request" for an Idempotency-Key: method, path with query, body. */
export function requestHash(method: string, pathWithQuery: string, body: unknown): string {
  return createHash("sha256").update(`${method.toUpperCase()}\n${pathWithQuery}\n${canonicalJson(body)}`).digest("hex");
}
