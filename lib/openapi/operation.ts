import type { z } from "zod";
import type { Scope } from "@/lib/auth/scopes";
import type { Tag } from "./tags";

export type HttpMethod = "get" | "post" | "patch" | "delete";

export type ResponseSpec = {
  description: string;
  schema?: z.ZodType;
  example?: unknown;
  headers?: Record<string, string>;
  /** Defaults to application/json; a stream names its own (text/event-stream). */
  contentType?: string;
};

/**
 * Who may call an operation. An API key with a scope (the public v1 API) is said by `scope`
 * alone; the other callers by `auth`: the voice agent's credential, a console session, the
 * candidate's invitation token in the path, or anyone (the OpenAPI document itself).
 */
export type AuthKind = "apiKey" | "agent" | "session" | "invitation" | "none";

type Caller = { scope: Scope; auth?: never } | { auth: Exclude<AuthKind, "apiKey">; scope?: never };

/**
 * One endpoint, declared once: the route serves it (its wrapper reads the scope, params, query
 * and body from here) and the OpenAPI document describes it from the same object.
 */
export type Operation = Caller & {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/v1/interviews/{id}`; the route file sits at the matching folder. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  /** Path parameters; a value that does not parse is a 404 naming `resource`. */
  params?: z.ZodObject;
  /** Names the resource in that 404 ("Interview not found."). */
  resource?: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyExample?: unknown;
  responses: Record<number, ResponseSpec>;
  /**
   * Error statuses the endpoint itself can answer. Those of the wrapper's steps are added from
   * the rest of the declaration: credentials, scope and rate limit, 404 for path parameters,
   * 400/413/415/422 for a body, 422 for a query, and 500.
   */
  errors?: readonly number[];
};

/**
 * Keeps the literal types (schemas, scope) so the route's handler gets typed arguments, and
 * freezes the declaration: route and document read it at different times, so it must not change.
 */
export const defineOperation = <O extends Operation>(operation: O): Readonly<O> => Object.freeze(operation);

export const authOf = (op: Pick<Operation, "scope" | "auth">): AuthKind => (op.scope ? "apiKey" : op.auth!);
