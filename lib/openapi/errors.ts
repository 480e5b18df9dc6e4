import { ERROR_STATUS, ERROR_TITLES, type ErrorCode } from "@/lib/errors";

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed JSON body.",
  401: "Missing, unknown, revoked or expired API key.",
  403: "The API key lacks the scope this endpoint requires (named in `requiredScope`).",
  404: "Not found: unknown, malformed, or another organisation's id.",
  409: "Conflict with the object's current state, or a request with the same Idempotency-Key still in flight.",
  413: "JSON body over 1 MB.",
  415: "The body is not JSON.",
  422: "Well-formed but invalid: `errors` names each offending field or parameter.",
  410: "The interview is over (cancelled, expired or completed): `code` says which.",
  429: "Rate limit exceeded; retry after `Retry-After` seconds.",
  500: "Unexpected error; quote the request id to support.",
  503: "Unavailable for now (the database, or a service this endpoint needs); `code` says which.",
};

export const ERROR_STATUSES = [400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 500, 503];

const codesFor = (status: number) =>
  (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).filter(([, s]) => s === status).map(([c]) => `\`${c}\` (${ERROR_TITLES[c]})`);

const requestIdHeader = { "Request-Id": { $ref: "#/components/headers/Request-Id" } };

/** The shared error responses (`#/components/responses/E401`, …), one per status. */
export function errorComponents(): Json {
  return Object.fromEntries(
    ERROR_STATUSES.map((s) => [
      `E${s}`,
      {
        description: `${STATUS_TEXT[s]} Codes: ${codesFor(s).join(", ")}.`,
        headers: { ...requestIdHeader, ...(s === 429 ? { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } : {}) },
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" }, example: problemExample(s) } },
      },
    ]),
  );
}

/** An operation's error response: the shared one, or its own text where the caller's meaning differs. */
export function errorResponse(status: number, text?: string): Json {
  if (!text) return { $ref: `#/components/responses/E${status}` };
  const code = status === 403 ? "forbidden" : undefined;
  return {
    description: text,
    headers: requestIdHeader,
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" }, example: problemExample(status, code, text) } },
  };
}

function problemExample(status: number, code = firstCode(status), detail = STATUS_TEXT[status]): Json {
  return {
    type: `https://parley.dev/problems/${code.replaceAll("_", "-")}`,
    title: ERROR_TITLES[code],
    status,
    detail: status === 422 ? "candidateId: must be a candidate id" : detail,
    code,
    requestId: "req_4Fq8ZbT1xKc9LmN2pR7s",
    ...(status === 422 ? { errors: [{ field: "candidateId", in: "body", message: "must be a candidate id", code: "custom" }] } : {}),
  };
}

const firstCode = (status: number): ErrorCode => (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === status)![0];
