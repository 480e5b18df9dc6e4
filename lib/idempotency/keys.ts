import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { idempotencyKeys } from "@/db/idempotency-keys";
import { inOrg } from "@/lib/db/in-org";
import { seal, unseal, UnsealError } from "../crypto/seal";
import type { Db } from "../db/types";
import { rowsOf } from "../db/types";
import { AppError } from "../errors";

/** A key answers the same request with the same response for this long after its first use. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * How long a claimed key stays "in flight" without an answer. API handlers finish in well under
 * a second; when the process handling the request dies, the key is free again after this.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 60;

/** The response kept for replay; its headers and body are sealed in `response_body`. */
export type StoredResponse = { status: number; headers: Record<string, string>; body: string };

/** Keys belong to the API key that sent the request: another key's same string is unrelated. */
export type KeyOwner = { organizationId: string; apiKeyId: string };

/**
 * Identifies one claim of a key: the lease end it set, truncated to milliseconds so it
 * survives the round trip through a JavaScript Date. Completing or releasing matches on it, so
 * a request whose lease lapsed and was taken over cannot overwrite the new owner's answer.
 */
export type ClaimToken = Date;

export type ClaimResult = { outcome: "claimed"; token: ClaimToken } | { outcome: "replay"; response: StoredResponse };

const leaseEnd = sql.raw(`date_trunc('milliseconds', now() + interval '${IDEMPOTENCY_LEASE_SECONDS} seconds')`);
const expiry = sql.raw(`now() + interval '${IDEMPOTENCY_TTL_HOURS} hours'`);

const byKey = (owner: KeyOwner, key: string) =>
  and(inOrg(idempotencyKeys, owner), eq(idempotencyKeys.apiKeyId, owner.apiKeyId), eq(idempotencyKeys.key, key));

// An answer may hold a secret shown once (a webhook signing secret, an invitation link): it is
// sealed, bound to its row and status, and opened only to be replayed.
const ANSWER_PURPOSE = "idempotency-answer";
const answerContext = (owner: KeyOwner, key: string, status: number) => [owner.organizationId, owner.apiKeyId, key, status].join("\n");

function sealAnswer(owner: KeyOwner, key: string, { status, headers, body }: StoredResponse): string {
  return seal(ANSWER_PURPOSE, JSON.stringify({ headers, body }), answerContext(owner, key, status));
}

function openAnswer(owner: KeyOwner, key: string, status: number, sealed: string): StoredResponse {
  try {
    const { headers, body } = JSON.parse(unseal(ANSWER_PURPOSE, sealed, answerContext(owner, key, status))) as Omit<StoredResponse, "status">;
    return { status, headers, body };
  } catch (err) {
    if (!(err instanceof UnsealError)) throw err;
    // AUTH_SECRET changed within the key's 24 hours. Running the request again could repeat
    // what it did, so it is refused instead.
    throw new AppError(
      "conflict",
      "This Idempotency-Key was already used for this request, but its stored answer can no longer be read. It is not run again: read what it created, or use a new key for a new request.",
    );
  }
}

export const idempotencyInFlight = () =>
  new AppError("idempotency_in_flight", "A request with this Idempotency-Key is still being processed; retry after it has finished.", {
    headers: { "Retry-After": "1" },
  });

/**
 * Claims an API key's Idempotency-Key for one request before its handler runs. The claim is a single
 * committed `insert … on conflict do nothing`, so concurrent requests race on the primary key
 * and exactly one of them runs the handler. The others get the stored answer (same request,
 * already answered), 409 (still in flight) or 422 (the key was used for another request).
 */
export async function claimIdempotencyKey(db: Db, owner: KeyOwner, input: { key: string; requestHash: string }): Promise<ClaimResult> {
  // A few rounds: between our failed insert and our read, the owner may release the key (5xx)
  // or the sweep may delete it; then the insert is simply tried again.
  for (let round = 0; round < 3; round++) {
    const [inserted] = await db
      .insert(idempotencyKeys)
      .values({ organizationId: owner.organizationId, apiKeyId: owner.apiKeyId, key: input.key, requestHash: input.requestHash, lockedUntil: leaseEnd, expiresAt: expiry })
      .onConflictDoNothing()
      .returning({ lockedUntil: idempotencyKeys.lockedUntil });
    if (inserted) return { outcome: "claimed", token: inserted.lockedUntil! };

    const [row] = await db
      .select({
        requestHash: idempotencyKeys.requestHash,
        responseStatus: idempotencyKeys.responseStatus,
        responseBody: idempotencyKeys.responseBody,
        expired: sql<boolean>`${idempotencyKeys.expiresAt} <= now()`,
        lapsed: sql<boolean>`coalesce(${idempotencyKeys.lockedUntil} < now(), true)`,
      })
      .from(idempotencyKeys)
      .where(byKey(owner, input.key));
    if (!row) continue;
    if (!row.expired) {
      if (row.requestHash !== input.requestHash) {
        throw new AppError(
          "idempotency_key_reused",
          "This Idempotency-Key was already used for a different request (method, path or body). Use a new key for a new request.",
        );
      }
      if (row.responseStatus !== null) return { outcome: "replay", response: openAnswer(owner, input.key, row.responseStatus, row.responseBody!) };
      if (!row.lapsed) throw idempotencyInFlight();
    }
    const token = await takeOver(db, owner, input);
    if (token) return { outcome: "claimed", token };
  }
  throw idempotencyInFlight();
}

/**
 * Takes a key whose row is past its 24 hours (not swept yet) or whose lease lapsed with no
 * answer (its process died). Conditional on exactly that, so of two requests trying at once
 * only one succeeds.
 */
async function takeOver(db: Db, owner: KeyOwner, input: { key: string; requestHash: string }): Promise<ClaimToken | undefined> {
  const [row] = await db
    .update(idempotencyKeys)
    .set({ requestHash: input.requestHash, responseStatus: null, responseBody: null, lockedUntil: leaseEnd, createdAt: sql`now()`, expiresAt: expiry })
    .where(
      and(
        byKey(owner, input.key),
        or(
          sql`${idempotencyKeys.expiresAt} <= now()`,
          and(
            isNull(idempotencyKeys.responseStatus),
            eq(idempotencyKeys.requestHash, input.requestHash),
            or(isNull(idempotencyKeys.lockedUntil), lt(idempotencyKeys.lockedUntil, sql`now()`)),
          ),
        ),
      ),
    )
    .returning({ lockedUntil: idempotencyKeys.lockedUntil });
  return row?.lockedUntil ?? undefined;
}

const ownedBy = (owner: KeyOwner, key: string, token: ClaimToken) =>
  and(byKey(owner, key), eq(idempotencyKeys.lockedUntil, token), isNull(idempotencyKeys.responseStatus));

/** Stores the answer for replay. False when the claim was lost (lease lapsed and taken over). */
export async function completeIdempotencyKey(db: Db, owner: KeyOwner, input: { key: string; token: ClaimToken; response: StoredResponse }): Promise<boolean> {
  const rows = await db
    .update(idempotencyKeys)
    .set({ responseStatus: input.response.status, responseBody: sealAnswer(owner, input.key, input.response), lockedUntil: null })
    .where(ownedBy(owner, input.key, input.token))
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

/** Frees the key without an answer (a 5xx or 429), so the client may retry with the same key. */
export async function releaseIdempotencyKey(db: Db, owner: KeyOwner, input: { key: string; token: ClaimToken }): Promise<void> {
  await db.delete(idempotencyKeys).where(ownedBy(owner, input.key, input.token));
}

const SWEEP_BATCH = 5000;

/** Periodic: deletes keys past their 24 hours, in batches so no statement holds locks for long. */
export async function sweepIdempotencyKeys(db: Db): Promise<void> {
  for (;;) {
    const result = await db.execute(sql`
      delete from idempotency_keys where (organization_id, api_key_id, key) in (
        select organization_id, api_key_id, key from idempotency_keys where expires_at <= now() limit ${SWEEP_BATCH})
      returning 1 as deleted`);
    if (rowsOf(result).length < SWEEP_BATCH) return;
  }
}
