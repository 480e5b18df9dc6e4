import { z } from "zod";
import { type FieldError, validationFailed } from "@/lib/errors";
import { assertStorableInput } from "./input-guard";
// Loaded with every parse of a request: zod's messages in the words of our errors.
import "@/lib/zod-messages";

export function fieldErrors(error: z.ZodError, where: FieldError["in"]): FieldError[] {
  return error.issues.flatMap((issue) =>
    // One entry per unknown key, so each offending field is named on its own.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join("."), in: where, message: "is not a known field", code: issue.code }))
      : [issueError(issue, where)],
  );
}

function issueError(issue: z.core.$ZodIssue, where: FieldError["in"]): FieldError {
  return {
    field: issue.path.length ? issue.path.join(".") : where === "body" ? "(body)" : "(root)",
    in: where,
    message: issue.message,
    code: issue.code,
  };
}

/**
 * Request bodies refuse unknown top-level fields: a misspelt `sendinvite: false` must be a 422,
 * not a silent fall-back to the default (sending the e-mail). Responses stay open to growth.
 */
export function strictBody<S extends z.ZodType>(schema: S): S {
  return (schema instanceof z.ZodObject ? schema.strict() : schema) as S;
}

/**
 * Parses with zod; a failure is a 422 whose `errors` name each offending field. Every body and
 * query string passes through here, so the checks no schema may forget (no NUL character, a
 * bounded depth) run here too, first.
 */
export function parseOr422<S extends z.ZodType>(schema: S, data: unknown, where: FieldError["in"]): z.output<S> {
  assertStorableInput(data, where);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw validationFailed(fieldErrors(result.error, where));
}

/** Query strings arrive as text; repeated keys become arrays. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
