import { AppError, type FieldError, type FieldErrorCode, invalidField } from "@/lib/errors";

/**
 * Objects and arrays may nest this deep in a request body. Deeper input is refused before it
 * is stored: code that walks stored JSON recursively (request hashes, comparisons of a retried
 * write) would otherwise overflow the stack on it later.
 */
export const MAX_JSON_DEPTH = 32;

type Where = FieldError["in"];

const fieldName = (path: (string | number)[], where: Where) =>
  path.length ? path.map(String).join(".").replaceAll("\u0000", "\\u0000") : where === "body" ? "(body)" : "(root)";

/**
 * What every JSON body and query string must satisfy whatever its schema, checked before the
 * schema runs, so that no route can forget it:
 * - no NUL character (`\u0000`) in any string or object key: PostgreSQL refuses it in text
 *   and in jsonb, which turned such input into a 500 instead of naming the field;
 * - at most MAX_JSON_DEPTH levels of nesting.
 * Iterative (an explicit stack), so a hostile 100,000-level body cannot overflow ours either.
 */
export function assertStorableInput(data: unknown, where: Where): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) throw refused(path, where, "must not contain the NUL character (\\u0000)", "invalid_character");
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (path.length >= MAX_JSON_DEPTH) throw refused(path, where, `nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels`, "too_deep");
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (key.includes("\u0000")) throw refused([...path, key], where, "has a key containing the NUL character (\\u0000)", "invalid_character");
      stack.push({ value: child, path: [...path, key] });
    }
  }
}

function refused(path: (string | number)[], where: Where, message: string, code: FieldErrorCode): AppError {
  return invalidField(fieldName(path, where), message, where, code);
}
