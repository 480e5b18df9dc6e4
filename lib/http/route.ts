import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError } from "@/lib/errors";
import { errorFields, log, logEnabled } from "@/lib/log";
import { problemResponse } from "./problem";
import { newRequestId, REQUEST_ID_HEADER } from "./request-id";

export type RouteParams = Promise<Record<string, string | string[] | undefined>>;

/** What every handler gets besides the request: its id and headers to add to any response. */
export type RequestMeta = {
  requestId: string;
  /** Added to the response whether it succeeds or fails (rate-limit headers, for instance). */
  headers: Headers;
};

export type BaseHandler = (req: Request, meta: RequestMeta, params: Record<string, string>) => Promise<Response>;

/** What Next calls for one method of a route file. */
export type RouteHandler = (req: Request, context: { params: RouteParams }) => Promise<Response>;

/**
 * A route handler that carries the operation it serves. The wrappers read the operation's
 * scope, params, query and body at run time; the OpenAPI document and the tests read the very
 * same object from here, so a route cannot say one thing and its documentation another.
 */
export type OperationRoute<O> = RouteHandler & { readonly operation: O };

export function operationRoute<O>(operation: O, handler: BaseHandler): OperationRoute<O> {
  return Object.assign(route(handler), { operation });
}

/**
 * The outermost step of every route: request id, error rendering, access log. Unknown errors
 * become a generic 500; their details go to the log only.
 */
export function route(handler: BaseHandler): RouteHandler {
  return async (req, context) => {
    const meta: RequestMeta = { requestId: newRequestId(), headers: new Headers() };
    const started = performance.now();
    let response: Response;
    try {
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : (v ?? "")]));
      response = await handler(req, meta, params);
    } catch (err) {
      response = problemResponse(toAppError(err, req, meta), meta.requestId, meta.headers);
    }
    response = withHeaders(response, meta);
    if (logEnabled("debug")) {
      log.debug("request", { requestId: meta.requestId, method: req.method, path: new URL(req.url).pathname, status: response.status, ms: Math.round(performance.now() - started) });
    }
    return response;
  };
}

/** Seconds a client is asked to wait when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The 503 of an unreachable database: the request may well succeed in a moment. */
export const databaseUnavailable = () =>
  new AppError("service_unavailable", "The database cannot be reached right now; retry after the number of seconds in Retry-After.", {
    headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
  });

/**
 * AppErrors are the answer as they are. A database that cannot be reached is a 503 with
 * Retry-After (the request may well succeed in a moment); anything else is a generic 500.
 * Both are logged with the request id; the client never sees the cause.
 */
function toAppError(err: unknown, req: Request, meta: RequestMeta): AppError {
  if (err instanceof AppError) return err;
  const fields = { requestId: meta.requestId, method: req.method, path: new URL(req.url).pathname, ...errorFields(err) };
  if (isDatabaseUnavailable(err)) {
    log.warn("database unavailable", fields);
    return databaseUnavailable();
  }
  log.error("unhandled error", fields);
  return new AppError("internal_error", "Something went wrong on our side. Quote the request id when you contact support.");
}

/** Adds the request id and shared headers; in place when the response allows it (no re-wrap). */
function withHeaders(response: Response, meta: RequestMeta): Response {
  let target = response;
  try {
    target.headers.set(REQUEST_ID_HEADER, meta.requestId);
  } catch {
    // Immutable headers (a fetched or redirect response): copy into a new response.
    target = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
    target.headers.set(REQUEST_ID_HEADER, meta.requestId);
  }
  meta.headers.forEach((v, k) => {
    if (!target.headers.has(k)) target.headers.set(k, v);
  });
  return target;
}
