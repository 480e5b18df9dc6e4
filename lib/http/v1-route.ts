import type { z } from "zod";
import { authenticateApiKey } from "@/lib/api-keys";
import { hasScope, type Scope } from "@/lib/auth/scopes";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { AppError, notFound } from "@/lib/errors";
import { readJsonBody } from "./body";
import { apiKeyFromRequest } from "./credentials";
import { withIdempotency } from "./idempotency";
import { enforceApiRateLimit } from "./rate-limit-headers";
import { route, type RequestMeta } from "./route";
import { parseOr422, queryObject, strictBody } from "./validate";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type V1Options<P, Q, B> = {
  scope: Scope;
  /** Path parameters; a value that does not parse is a 404 (a malformed id names nothing). */
  params?: P;
  /** Names the resource in that 404 ("Interview not found."). */
  resource?: string;
  query?: Q;
  body?: B;
};

export type V1Args<P, Q, B> = {
  req: Request;
  meta: RequestMeta;
  db: Db;
  ctx: Ctx;
  apiKey: { id: string; scopes: Scope[] };
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
};

export type V1Step = (req: Request, meta: RequestMeta, args: { db: Db; ctx: Ctx; apiKey: { id: string; scopes: Scope[] } }) => Promise<void>;

// Steps run after authentication and rate limiting, before the scope check, for every v1
// request. Kept as a list so each step stays a small file of its own.
const afterAuthentication: V1Step[] = [];
export function registerV1Step(step: V1Step): void {
  if (!afterAuthentication.includes(step)) afterAuthentication.push(step);
}

/**
 * The public API's wrapper: API key → rate limit → shared steps → scope → params, query, body
 * → Idempotency-Key (POST) → handler. Rate limiting is called here, not registered as a step,
 * so no route can be served without it whatever modules happen to be imported.
 */
export function v1Route<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  options: V1Options<P, Q, B>,
  handler: (args: V1Args<P, Q, B>) => Promise<Response>,
) {
  return route(async (req, meta, rawParams) => {
    const presented = apiKeyFromRequest(req);
    const db = await getDb();
    const key = await authenticateApiKey(db, presented);
    const ctx: Ctx = { organizationId: key.organizationId, actor: { type: "api_key", id: key.id }, requestId: meta.requestId };
    const apiKey = { id: key.id, scopes: key.scopes };
    // Before anything else can fail, so that every authenticated answer carries the quota.
    await enforceApiRateLimit(db, key.id, meta);
    for (const step of afterAuthentication) await step(req, meta, { db, ctx, apiKey });
    if (!hasScope(key.scopes, options.scope)) {
      throw new AppError("insufficient_scope", `This API key lacks the ${options.scope} scope.`, {
        extra: { requiredScope: options.scope },
      });
    }
    let params = undefined as Out<P>;
    if (options.params) {
      const parsed = options.params.safeParse(rawParams);
      if (!parsed.success) throw notFound(options.resource ?? "Resource");
      params = parsed.data as Out<P>;
    }
    const query = (options.query ? parseOr422(options.query, queryObject(new URL(req.url)), "query") : undefined) as Out<Q>;
    let body = undefined as Out<B>;
    let rawBody: unknown = undefined;
    if (options.body) {
      rawBody = await readJsonBody(req);
      body = parseOr422(strictBody(options.body), rawBody ?? {}, "body") as Out<B>;
    }
    const run = () => handler({ req, meta, db, ctx, apiKey, params, query, body });
    // Requests refused above (401, 403, 404, 422, 429) never reach the key: retrying them with
    // the same key after fixing the request is fine. Routes without a body are identified by
    // method and path alone, as they ignore any body sent.
    if (req.method === "POST") return withIdempotency({ req, meta, db, ctx, body: rawBody }, run);
    return run();
  });
}
