import { describe, expect, it } from "vitest";
import { hasScope, parseScopeList, SCOPES } from "@/lib/auth/scopes";

describe("scopes", () => {
  it("grants exactly what the key holds, and read with write of the same resource", () => {
    expect(hasScope(["interviews:read"], "interviews:read")).toBe(true);
    expect(hasScope(["interviews:read"], "interviews:write")).toBe(false);
    expect(hasScope(["interviews:write"], "interviews:read")).toBe(true);
    expect(hasScope(["jobs:write"], "interviews:read")).toBe(false);
    expect(hasScope([], "webhooks:write")).toBe(false);
  });

  it("parses lists and 'all', naming unknown scopes", () => {
    expect(parseScopeList("all")).toEqual([...SCOPES]);
    expect(parseScopeList("jobs:read, jobs:read,candidates:write")).toEqual(["jobs:read", "candidates:write"]);
    expect(() => parseScopeList("jobs:read,admin")).toThrow(/admin/);
    expect(() => parseScopeList(" , ")).toThrow(/At least one/);
  });
});
