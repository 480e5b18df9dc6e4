import type { z } from "zod";
import { AppError, type FieldError } from "@/lib/errors";

export function fieldErrors(error: z.ZodError, where: FieldError["in"]): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : where === "body" ? "(body)" : "(root)",
    in: where,
    message: issue.message,
    code: issue.code,
  }));
}

/** Parses with zod; a failure is a 422 whose `errors` name each offending field. */
export function parseOr422<S extends z.ZodType>(schema: S, data: unknown, where: FieldError["in"]): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error, where);
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  throw new AppError("validation_failed", detail, { errors });
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
