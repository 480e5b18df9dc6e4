import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseOr422 } from "@/lib/http/validate";

const schema = z.object({
  name: z.string().trim().min(1).max(5),
  email: z.email(),
  weight: z.number().positive().max(10),
  tags: z.array(z.string()).min(2),
  kind: z.enum(["job", "campaign"]),
  custom: z.string().min(3, "needs three letters").optional(),
});

function messages(input: unknown): Record<string, string> {
  try {
    parseOr422(schema, input, "body");
  } catch (err) {
    if (err instanceof AppError) return Object.fromEntries((err.errors ?? []).map((e) => [e.field, e.message]));
    throw err;
  }
  throw new Error("expected a 422");
}

describe("validation messages in the words of our errors, for API clients and form fields", () => {
  it("says what each value must be, without zod's jargon", () => {
    expect(messages({ name: "  ", email: "nope", weight: 0, tags: ["a"], kind: "team", custom: "ab" })).toEqual({
      name: "must not be empty",
      email: "must be an e-mail address",
      weight: "must be greater than 0",
      tags: "must have at least 2 items",
      kind: 'must be one of: "job", "campaign"',
      custom: "needs three letters",
    });
  });

  it("names a missing field as required and a value of the wrong type by the type wanted", () => {
    expect(messages({ name: "toolongname", weight: 11, tags: true, kind: "job" })).toEqual({
      name: "must have at most 5 characters",
      email: "is required",
      weight: "must be at most 10",
      tags: "must be a list",
    });
  });
});
