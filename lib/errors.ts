// One error model for the whole app: a stable string code, an HTTP status, a human detail.
export const ERROR_STATUS = {
  invalid_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  insufficient_scope: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_state: 409,
  idempotency_in_flight: 409,
  reply_in_progress: 409,
  interview_cancelled: 410,
  interview_expired: 410,
  interview_completed: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
  voice_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  invalid_json: "Malformed JSON body",
  bad_request: "Bad request",
  unauthenticated: "Authentication required",
  insufficient_scope: "Missing scope",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  invalid_state: "Invalid state for this action",
  idempotency_in_flight: "Request with this Idempotency-Key still in flight",
  reply_in_progress: "The interviewer is still replying to another message",
  interview_cancelled: "This interview was cancelled",
  interview_expired: "This invitation has expired",
  interview_completed: "This interview is complete",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Validation failed",
  idempotency_key_reused: "Idempotency-Key reused with a different request",
  rate_limited: "Too many requests",
  internal_error: "Internal server error",
  service_unavailable: "Service unavailable",
  voice_unavailable: "Voice interviews are not available",
};

/**
 * What went wrong with a field, for programs: zod's own issue codes for what a schema refuses,
 * and a few of ours for what only code can check. One list, so a client can switch on it.
 */
export const FIELD_ERROR_CODES = [
  // zod
  "invalid_type",
  "invalid_format",
  "invalid_value",
  "invalid_union",
  "invalid_key",
  "invalid_element",
  "too_small",
  "too_big",
  "not_multiple_of",
  "unrecognized_keys",
  "custom",
  // ours
  "invalid_reference", // an id naming nothing in the organisation
  "invalid_character", // NUL, which PostgreSQL cannot store
  "too_deep", // JSON nested beyond the limit
  "invalid_encoding", // a path that is not UTF-8
  "conflict", // unique within the organisation, and taken
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldError = {
  /** Dotted path of the offending field or parameter, e.g. `pageSize` or `stages.0.name`. */
  field: string;
  /** Where it was: the JSON body, the query string, the path or a header. */
  in: "body" | "query" | "path" | "header";
  message: string;
  code: FieldErrorCode;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  readonly extra?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.errors = options.errors;
    this.headers = options.headers;
    this.extra = options.extra;
  }
}

export const notFound = (resource: string) => new AppError("not_found", `${resource} not found.`);

/** The 422 for one or more fields: the detail names each, `errors` lists them for programs. */
export const validationFailed = (errors: FieldError[]) =>
  new AppError("validation_failed", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { errors });

export const invalidField = (field: string, message: string, where: FieldError["in"] = "body", code: FieldErrorCode = "invalid_value") =>
  validationFailed([{ field, in: where, message, code }]);

export const conflict = (detail: string) => new AppError("conflict", detail);

export const invalidState = (detail: string) => new AppError("invalid_state", detail);

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  // postgres.js and PGlite both surface SQLSTATE as `code`; drizzle may wrap it in `cause`.
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint: c } = e as { code?: string; constraint_name?: string; constraint?: string };
    if (code === "23505") return !constraint || constraint_name === constraint || c === constraint;
  }
  return false;
}
