import { randomBytes } from "node:crypto";

// Prefixed ids: the type shows in logs and support tickets, and 22 base62 characters
// (~131 bits) make them unguessable.
export const ID_PREFIXES = {
  organization: "org",
  user: "usr",
  membership: "mem",
  apiKey: "key",
  candidate: "cand",
  job: "job",
  campaign: "camp",
  stage: "stg",
  config: "cfg",
  interview: "int",
  turn: "turn",
  report: "rep",
  backgroundJob: "bj",
  email: "eml",
  audit: "aud",
  decision: "dec",
  webhookEndpoint: "whe",
  webhookDelivery: "whd",
  webhookAttempt: "wha",
  webhookMessage: "msg",
  consent: "cns",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ID_BODY_LENGTH = 22;

// Ids are minted on every request: draw from a pooled buffer rather than one syscall each.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

function randomByte(): number {
  if (offset === POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  return pool[offset++]!;
}

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    const byte = randomByte();
    // 248 = 4 * 62: rejecting larger bytes keeps every character equally likely.
    if (byte < 248) out += BASE62[byte % 62];
  }
  return out;
}

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${randomBase62(ID_BODY_LENGTH)}`;
}

const patterns = Object.fromEntries(
  Object.entries(ID_PREFIXES).map(([kind, prefix]) => [kind, new RegExp(`^${prefix}_[0-9A-Za-z]{${ID_BODY_LENGTH}}$`)]),
) as Record<IdKind, RegExp>;

export function isId(kind: IdKind, value: unknown): value is string {
  return typeof value === "string" && patterns[kind].test(value);
}
