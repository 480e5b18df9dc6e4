import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { AppError, invalidField } from "@/lib/errors";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type StoredResponse } from "@/lib/idempotency/keys";
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

type Args = { req: Request; meta: RequestMeta; db: Db; ctx: Ctx; body: unknown };

/**
 * Runs a POST at most once per Idempotency-Key: the key is claimed before `run`, its answer
 * stored after, and the same request again gets that answer with `Idempotent-Replayed: true`.
 * Without the header, `run` simply runs.
 */
export async function withIdempotency({ req, meta, db, ctx, body }: Args, run: () => Promise<Response>): Promise<Response> {
  const key = idempotencyKeyFrom(req);
  if (key === undefined) return run();
  const url = new URL(req.url);
  const claim = await claimIdempotencyKey(db, ctx, { key, requestHash: requestHash(req.method, url.pathname + url.search, body) });
  if (claim.outcome === "replay") return toResponse(claim.response, { [REPLAYED_HEADER]: "true" });

  const release = () =>
    releaseIdempotencyKey(db, ctx, { key, token: claim.token }).catch((err) =>
      log.error("idempotency key not released", { requestId: meta.requestId, ...errorFields(err) }),
    );
  let response: Response;
  try {
    response = await run();
  } catch (err) {
    if (!(err instanceof AppError) || !isStoredStatus(err.status)) {
      await release();
      throw err;
    }
    response = problemResponse(err, meta.requestId, meta.headers);
  }
  if (!isStoredStatus(response.status)) {
    await release();
    return response;
  }
  const stored = await toStored(response);
  const kept = await completeIdempotencyKey(db, ctx, { key, token: claim.token, response: stored });
  // Only when this request outlived its lease and another took the key over: its answer stands.
  if (!kept) log.warn("idempotency key taken over before the response was stored", { requestId: meta.requestId, status: stored.status });
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
