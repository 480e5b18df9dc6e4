import { createHash, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";
import { BASE62, randomBase62 } from "@/lib/ids";

// parley_<30 random base62><6 base62 CRC32 checksum>. The fixed prefix lets secret scanners
// spot a leaked key; the checksum lets them (and us, before any database query) reject typos.
export const API_KEY_PREFIX = "parley_";
const BODY = 30;
const CHECK = 6;
const PATTERN = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${BODY + CHECK}}$`);

function checksum(body: string): string {
  let n = crc32(body);
  let out = "";
  for (let i = 0; i < CHECK; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function generateApiKey(): string {
  const body = randomBase62(BODY);
  return `${API_KEY_PREFIX}${body}${checksum(body)}`;
}

export function isWellFormedApiKey(key: string): boolean {
  if (!PATTERN.test(key)) return false;
  const rest = key.slice(API_KEY_PREFIX.length);
  return checksum(rest.slice(0, BODY)) === rest.slice(BODY);
}

/** What lists show: enough to tell keys apart, far too little to use. */
export const visiblePrefix = (key: string) => key.slice(0, API_KEY_PREFIX.length + 6);

export const sha256Hex = (value: string) => createHash("sha256").update(value).digest("hex");

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
