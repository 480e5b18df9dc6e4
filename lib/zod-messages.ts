import { z } from "zod";

// zod's own messages ("Too small: expected string to have >=1 characters") reach API clients
// in problem bodies and recruiters beside form fields. These read as the rest of our errors
// do: the field is named beside the message, so it says only what the value must be. A
// message a schema states itself still wins (zod applies this map only where none is given).

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

function sizeOf(origin: string, n: number | bigint): string {
  if (origin === "string") return plural(n, "character", "characters");
  if (origin === "array" || origin === "set") return plural(n, "item", "items");
  return String(n);
}

const FORMATS: Record<string, string> = { email: "an e-mail address", url: "a URL", uuid: "a UUID", datetime: "a date and time (ISO 8601)", date: "a date (YYYY-MM-DD)", regex: "in the expected format" };

export function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "is required" : `must be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}`;
    case "too_small": {
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "must not be empty";
      const n = sizeOf(issue.origin, issue.minimum);
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint" || issue.origin === "date") return issue.inclusive ? `must be at least ${n}` : `must be greater than ${n}`;
      return `must have at least ${n}`;
    }
    case "too_big": {
      const n = sizeOf(issue.origin, issue.maximum);
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint" || issue.origin === "date") return issue.inclusive ? `must be at most ${n}` : `must be less than ${n}`;
      return `must have at most ${n}`;
    }
    case "invalid_format": {
      const what = FORMATS[issue.format];
      return what?.startsWith("in ") ? `must be ${what}` : `must be ${what ?? `a valid ${issue.format}`}`;
    }
    case "invalid_value":
      return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
}

z.config({ customError: (issue) => friendlyMessage(issue) });
