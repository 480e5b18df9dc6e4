import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { AppError } from "@/lib/errors";
import { problemBody } from "./problem";
import { newRequestId, REQUEST_ID_HEADER } from "./request-id";
import { API_CSP, baseSecurityHeaders, isHttps } from "./security-headers";

// Some requests fail inside Next, before proxy.ts or any route runs, with a bare text/plain
// answer and no request id: a method the Fetch API refuses to build a Request for (TRACE,
// TRACK: a 500), any other method beyond HTTP's usual seven (PROPFIND, PURGE…: a 400), and a
// path that is not valid percent-encoded UTF-8 (`/api/v1/jobs/%ff`: a 500), which Next cannot
// decode into its params. They are answered here, at the HTTP server, in the problem format
// like every other error.

const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The path of a request target (origin form `/p?q` or absolute form `http://h/p?q`). */
function pathOf(target: string): string {
  const path = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  return path.split(/[?#]/, 1)[0] ?? "";
}

/** The problem a request must be answered with before it reaches Next; null for any other request. */
export function frameworkRefusal(method: string | undefined, target: string | undefined): AppError | null {
  if (method && !ALLOWED_METHODS.includes(method)) {
    return new AppError("method_not_allowed", `The ${method} method is not supported.`, { headers: { Allow: ALLOWED_METHODS.join(", ") } });
  }
  const path = pathOf(target ?? "/");
  if (path.includes("%")) {
    try {
      decodeURIComponent(path);
    } catch {
      const message = "is not valid percent-encoded UTF-8";
      return new AppError("bad_request", `The request path ${message}.`, { errors: [{ field: "(path)", in: "path", message, code: "invalid_encoding" }] });
    }
  }
  return null;
}

function answer(req: IncomingMessage, res: ServerResponse, error: AppError): void {
  const requestId = newRequestId();
  const encrypted = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const forwarded = req.headers["x-forwarded-proto"];
  const headers = {
    ...baseSecurityHeaders(pathOf(req.url ?? "/"), isHttps(encrypted ? "https:" : "http:", Array.isArray(forwarded) ? forwarded[0]! : (forwarded ?? null))),
    "Content-Security-Policy": API_CSP,
    "Content-Type": "application/problem+json",
    [REQUEST_ID_HEADER]: requestId,
    ...error.headers,
  };
  const body = req.method === "HEAD" ? undefined : JSON.stringify(problemBody(error, requestId));
  // The request body, if any, is not read: close the connection rather than parse what follows.
  res.shouldKeepAlive = false;
  res.writeHead(error.status, headers);
  res.end(body);
}

const PATCHED = Symbol.for("parley.frameworkGuard");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * Puts the guard in front of every HTTP(S) server of this process, Next's included: Next owns
 * its server object, so the guard sits on the servers' shared `emit`. Called once from
 * instrumentation.ts; idempotent.
 */
export function installFrameworkGuard(): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as (Record<PropertyKey, unknown> & { emit: Emit })[]) {
    if (Object.prototype.hasOwnProperty.call(proto, PATCHED)) continue;
    const emit = proto.emit;
    proto.emit = function (event, ...args) {
      if (event === "request") {
        const [req, res] = args as [IncomingMessage, ServerResponse];
        const refusal = frameworkRefusal(req.method, req.url);
        if (refusal) {
          answer(req, res, refusal);
          return true;
        }
      }
      return emit.call(this, event, ...args);
    };
    proto[PATCHED] = true;
  }
}
