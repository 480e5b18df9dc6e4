import { authenticateApiKey } from "@/lib/api-keys";
import { hasScope, type Scope } from "@/lib/auth/scopes";
import type { Ctx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { apiKeyFromRequest } from "./credentials";
import { withIdempotency } from "./idempotency";
import { jsonBody, pathParams, queryParams, type Out, type Schema } from "./input";
import { enforceApiRateLimit } from "./rate-limit-headers";
import { operationRoute, type RequestMeta } from "./route";
import { strictBody } from "./validate";

/** What this wrapper reads from an operation (lib/<resource>/operations.ts). */
export type V1Operation<P, Q, B> = {
  scope: Scope;
  /** Path parameters; a value that does not parse is a 404 (a malformed id names nothing). */
  params?: P;
  /** Names the resource in that 404 ("Interview not found."). */
  resource?: string;
  query?: Q;
  body?: B;
};

type AnyV1Operation = V1Operation<Schema | undefined, Schema | undefined, Schema | undefined>;

type ApiKey = { id: string; scopes: Scope[] };

export type V1Args<P, Q, B> = {
  req: Request;
  meta: RequestMeta;
  db: Db;
  ctx: Ctx;
  apiKey: ApiKey;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
};

async function authenticate(req: Request, meta: RequestMeta): Promise<{ db: Db; ctx: Ctx; apiKey: ApiKey }> {
  const presented = apiKeyFromRequest(req);
  const db = await getDb();
  const key = await authenticateApiKey(db, presented);
  const ctx: Ctx = { organizationId: key.organizationId, actor: { type: "api_key", id: key.id }, requestId: meta.requestId };
  return { db, ctx, apiKey: { id: key.id, scopes: key.scopes } };
}

function requireScope(apiKey: ApiKey, scope: Scope): void {
  if (!hasScope(apiKey.scopes, scope)) {
    throw new AppError("insufficient_scope", `This API key lacks the ${scope} scope.`, { extra: { requiredScope: scope } });
  }
}

/**
 * The public API's wrapper, serving one operation: API key → rate limit → shared steps → the
 * operation's scope → its params, query, body → Idempotency-Key (POST) → handler. Rate limiting
 * is called here, not registered as a step, so no route can be served without it whatever
 * modules happen to be imported.
 */
export function v1Route<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  operation: V1Operation<P, Q, B>,
  handler: (args: V1Args<P, Q, B>) => Promise<Response>,
) {
  // Request bodies refuse unknown fields (see strictBody); made once, not per request.
  const strict = { body: (operation.body && strictBody(operation.body)) as B };
  return operationRoute<AnyV1Operation>(operation, async (req, meta, rawParams) => {
    const { db, ctx, apiKey } = await authenticate(req, meta);
    // Before anything else can fail, so that every authenticated answer carries the quota.
    await enforceApiRateLimit(db, apiKey.id, meta);
    requireScope(apiKey, operation.scope);
    const params = pathParams(operation, rawParams);
    const query = queryParams(operation, req);
    const { body, raw } = await jsonBody(strict, req);
    // With an Idempotency-Key the handler gets the transaction that also stores its answer.
    const run = (handlerDb: Db) => handler({ req, meta, db: handlerDb, ctx, apiKey, params, query, body });
    // Requests refused above (401, 403, 404, 422, 429) never reach the key: retrying them with
    // the same key after fixing the request is fine. Routes without a body are identified by
    // method and path alone, as they ignore any body sent.
    if (req.method === "POST") return withIdempotency({ req, meta, db, owner: { organizationId: ctx.organizationId, apiKeyId: apiKey.id }, body: raw }, run);
    return run(db);
  });
}
