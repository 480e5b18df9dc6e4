import { describe, expect, it } from "vitest";
import { isId, newId } from "@/lib/ids";

describe("ids", () => {
  it("carry their type prefix and 22 base62 characters", () => {
    expect(newId("interview")).toMatch(/^int_[0-9A-Za-z]{22}$/);
    expect(newId("candidate")).toMatch(/^cand_[0-9A-Za-z]{22}$/);
    expect(newId("job")).toMatch(/^job_[0-9A-Za-z]{22}$/);
  });

  it("recognise only their own kind and shape", () => {
    const id = newId("interview");
    expect(isId("interview", id)).toBe(true);
    expect(isId("candidate", id)).toBe(false);
    expect(isId("interview", "int_123")).toBe(false);
    expect(isId("interview", `${id}'; drop table interviews;--`)).toBe(false);
    expect(isId("interview", 42)).toBe(false);
  });
});
