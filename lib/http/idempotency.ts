import type { Db } from "@/lib/db/types";
import { crashPoint } from "@/lib/crash-point";
import { AppError, invalidField } from "@/lib/errors";
import { claimIdempotencyKey, completeIdempotencyKey, idempotencyInFlight, type KeyOwner, releaseIdempotencyKey, type StoredResponse } from "@/lib/idempotency/keys";
import { requestHash } from "@/lib/idempotency/request-hash";
import { errorFields, log } from "@/lib/log";
import { problemResponse } from "./problem";
import type { RequestMeta } from "./route";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";

// Headers that belong to the answer itself. Per-request ones (Request-Id, rate limits) are
// those of the request being served, never the stored ones.
const STORED_HEADERS = ["content-type", "location", "link", "etag", "content-language"];

const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;

/** The header's value, undefined when absent; 1 to 255 printable ASCII characters, else 422. */
export function idempotencyKeyFrom(req: Request): string | undefined {
  const value = req.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (value === null) return undefined;
  if (!KEY_FORMAT.test(value)) {
    throw invalidField(IDEMPOTENCY_KEY_HEADER, "must be 1 to 255 printable ASCII characters (a UUID is a good choice)", "header");
  }
  return value;
}

/**
 * 4xx answers (other than 429) are final for that request and replayed; 5xx and 429 say
 * "not now", so the key is released and the client may retry with it.
 */
export const isStoredStatus = (status: number) => status < 500 && status !== 429;

type Args = { req: Request; meta: RequestMeta; db: Db; owner: KeyOwner; body: unknown };

/** The handler answered 5xx or 429 without throwing: nothing of its run may be kept. */
class NotKept extends Error {
  constructor(readonly response: Response) {
    super("answer not kept");
  }
}

/** The lease lapsed and another request took the key over: this run must leave no trace. */
class ClaimLost extends Error {}

/**
 * Runs a POST at most once per API key and Idempotency-Key, and the same request again gets the first
 * answer with `Idempotent-Replayed: true`. The key is claimed first, in a row of its own that
 * tells concurrent requests it is in flight. The handler then runs on a transaction that also
 * stores its answer in that row: its writes and the answer commit together or not at all, so a
 * crash at any point leaves either nothing (the retry runs it) or both (the retry replays).
 * Without the header, `run` simply runs on `db`.
 */
export async function withIdempotency({ req, meta, db, owner, body }: Args, run: (db: Db) => Promise<Response>): Promise<Response> {
  const key = idempotencyKeyFrom(req);
  if (key === undefined) return run(db);
  const url = new URL(req.url);
  const claim = await claimIdempotencyKey(db, owner, { key, requestHash: requestHash(req.method, url.pathname + url.search, body) });
  if (claim.outcome === "replay") return toResponse(claim.response, { [REPLAYED_HEADER]: "true" });
  crashPoint("idempotency.claimed");

  const release = () =>
    releaseIdempotencyKey(db, owner, { key, token: claim.token }).catch((err) =>
      log.error("idempotency key not released", { requestId: meta.requestId, ...errorFields(err) }),
    );
  let response: Response;
  let stored: StoredResponse;
  try {
    ({ response, stored } = await db.transaction(async (tx) => {
      const answer = await run(tx);
      if (!isStoredStatus(answer.status)) throw new NotKept(answer);
      const kept = await toStored(answer);
      crashPoint("idempotency.handled");
      if (!(await completeIdempotencyKey(tx, owner, { key, token: claim.token, response: kept }))) throw new ClaimLost();
      return { response: answer, stored: kept };
    }));
  } catch (err) {
    if (err instanceof NotKept) {
      await release();
      return err.response;
    }
    if (err instanceof ClaimLost) {
      // Only when this request outlived its lease: the request that took the key over owns it.
      log.warn("idempotency key taken over while its first request ran; that run was rolled back", { requestId: meta.requestId });
      throw idempotencyInFlight();
    }
    if (!(err instanceof AppError) || !isStoredStatus(err.status)) {
      await release();
      throw err;
    }
    // A refusal (4xx): the handler's writes were rolled back with the transaction, so its
    // answer alone is kept; a crash before it is stored merely lets the retry run.
    response = problemResponse(err, meta.requestId, meta.headers);
    stored = await toStored(response);
    if (!(await completeIdempotencyKey(db, owner, { key, token: claim.token, response: stored }))) {
      log.warn("idempotency key taken over before the response was stored", { requestId: meta.requestId, status: stored.status });
    }
  }
  crashPoint("idempotency.stored");
  // The first answer keeps all its headers; only replays are limited to the stored ones.
  return new Response(bodyFor(stored), { status: stored.status, statusText: response.statusText, headers: response.headers });
}

async function toStored(response: Response): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, headers, body: await response.text() };
}

// 204 and 304 may not carry a body, not even an empty string.
const bodyFor = (stored: StoredResponse) => (stored.status === 204 || stored.status === 304 ? null : stored.body);

function toResponse(stored: StoredResponse, extra: Record<string, string> = {}): Response {
  return new Response(bodyFor(stored), { status: stored.status, headers: { ...stored.headers, ...extra } });
}
