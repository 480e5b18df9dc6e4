import { AppError, type FieldError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";

// What a console server action answers: the data, or the same error the API would give (status,
// stable code, message, fields), so forms show field errors and a refused action says why.
export type ActionError = { status: number; code: string; message: string; fields?: FieldError[] };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export async function runAction<T>(name: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { status: err.status, code: err.code, message: err.message, fields: err.errors } };
    // Framework control flow (redirect, notFound) passes through untouched.
    if (err instanceof Error && "digest" in err && typeof err.digest === "string" && err.digest.startsWith("NEXT_")) throw err;
    log.error("console action failed", { action: name, ...errorFields(err) });
    return { ok: false, error: { status: 500, code: "internal_error", message: "Something went wrong. Try again; if it keeps failing, tell your administrator." } };
  }
}
