import { createHash } from "node:crypto";
import type { Db } from "../db/types";
import { env } from "../env";
import { rateLimited } from "./retry-after";
import { hitWindow, type WindowResult } from "./window";

export const INVITE_LIMIT_WINDOW_SECONDS = 60;

// Buckets hold a digest: the table must not become a list of links or addresses.
const bucket = (kind: string, value: string) => `invite:${kind}:${createHash("sha256").update(value).digest("base64url").slice(0, 27)}`;

/**
 * Counts one request to the candidate's endpoints against the client's address, then against
 * the link (valid or not), in PostgreSQL so every app process shares the counts. The address
 * is counted first: guessing tokens from one address is stopped before any lookup.
 */
export async function hitInviteLimits(db: Db, input: { token: string; address: string | null }): Promise<void> {
  const e = env();
  const check = (result: WindowResult, scope: string) => {
    if (!result.allowed) throw rateLimited(result.resetAt, (s) => `Too many requests; try again in ${s} s.`, { scope });
  };
  if (input.address) check(await hitWindow(db, bucket("ip", input.address), INVITE_LIMIT_WINDOW_SECONDS, e.INVITE_LIMIT_PER_IP), "invite_ip");
  check(await hitWindow(db, bucket("token", input.token), INVITE_LIMIT_WINDOW_SECONDS, e.INVITE_LIMIT_PER_TOKEN), "invite_token");
}
