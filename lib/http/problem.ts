import { AppError, ERROR_TITLES } from "@/lib/errors";

export const PROBLEM_TYPE_BASE = "https://parley.dev/problems/";

/** RFC 9457 problem document; `code` and `requestId` are Parley's extensions. */
export function problemBody(err: AppError, requestId: string) {
  return {
    type: PROBLEM_TYPE_BASE + err.code.replaceAll("_", "-"),
    title: ERROR_TITLES[err.code],
    status: err.status,
    detail: err.message,
    code: err.code,
    requestId,
    ...(err.errors ? { errors: err.errors } : {}),
    ...err.extra,
  };
}

export function problemResponse(err: AppError, requestId: string, headers: Headers): Response {
  const out = new Headers(headers);
  out.set("Content-Type", "application/problem+json");
  for (const [k, v] of Object.entries(err.headers ?? {})) out.set(k, v);
  return new Response(JSON.stringify(problemBody(err, requestId)), { status: err.status, headers: out });
}
