import type { z } from "zod";
import { notFound } from "@/lib/errors";
import { readJsonBody } from "./body";
import { parseOr422, queryObject } from "./validate";

// The wrappers' input steps, one per part of the request. Each reads the operation's schema
// for its part (absent: the part is not read at all) and returns the parsed value.

export type Schema = z.ZodType;
export type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Path parameters: a value that does not parse names nothing, so it is a 404, never a 422. */
export function pathParams<P extends Schema | undefined>(op: { params?: P; resource?: string }, raw: Record<string, string>): Out<P> {
  if (!op.params) return undefined as Out<P>;
  const parsed = op.params.safeParse(raw);
  if (!parsed.success) throw notFound(op.resource ?? "Resource");
  return parsed.data as Out<P>;
}

/** The query string: a value that does not parse is a 422 naming the parameter. */
export function queryParams<Q extends Schema | undefined>(op: { query?: Q }, req: Request): Out<Q> {
  if (!op.query) return undefined as Out<Q>;
  return parseOr422(op.query, queryObject(new URL(req.url)), "query") as Out<Q>;
}

/**
 * The JSON body (400, 413, 415 from reading it; a 422 naming each field from parsing it), and
 * the body as sent, which Idempotency-Key compares. An absent body parses as `{}`.
 */
export async function jsonBody<B extends Schema | undefined>(op: { body?: B }, req: Request): Promise<{ body: Out<B>; raw: unknown }> {
  if (!op.body) return { body: undefined as Out<B>, raw: undefined };
  const raw = await readJsonBody(req);
  return { body: parseOr422(op.body, raw ?? {}, "body") as Out<B>, raw };
}
