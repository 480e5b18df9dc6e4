import { z } from "zod";

export const SCOPES = [
  "interviews:read",
  "interviews:write",
  "candidates:read",
  "candidates:write",
  "jobs:read",
  "jobs:write",
  "webhooks:write",
] as const;

export type Scope = (typeof SCOPES)[number];

export const scopeSchema = z.enum(SCOPES);

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  "interviews:read": "Read interviews, their transcripts, reports and interview configurations.",
  "interviews:write": "Create, cancel and re-invite interviews (implies interviews:read).",
  "candidates:read": "Read candidates.",
  "candidates:write": "Create candidates (implies candidates:read).",
  "jobs:read": "Read jobs and hiring campaigns.",
  "jobs:write": "Create jobs and hiring campaigns (implies jobs:read).",
  "webhooks:write": "Register, list and delete webhook endpoints.",
};

/** A key holding `x:write` may also read `x`: a writer always needs to read what it wrote. */
export function hasScope(granted: readonly string[], required: Scope): boolean {
  if (granted.includes(required)) return true;
  if (required.endsWith(":read")) return granted.includes(required.replace(/:read$/, ":write"));
  return false;
}

/** Parses `a,b` or `all`, naming any unknown scope. */
export function parseScopeList(input: string): Scope[] {
  if (input.trim() === "all") return [...SCOPES];
  const items = input.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = items.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`Unknown scope(s): ${unknown.join(", ")}. Known: ${SCOPES.join(", ")}, or "all".`);
  if (!items.length) throw new Error("At least one scope is required.");
  return [...new Set(items)] as Scope[];
}
