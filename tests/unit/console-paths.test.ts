import { describe, expect, it } from "vitest";
import { isConsolePath, loginUrl, safeCallback } from "@/lib/console/paths";

describe("console paths", () => {
  it("recognises the console's pages and nothing else", () => {
    for (const p of ["/", "/interviews", "/interviews/int_1/report", "/compare", "/settings/team"]) expect(isConsolePath(p), p).toBe(true);
    for (const p of ["/login", "/i/abc", "/api/v1/interviews", "/docs/api", "/interviewsx"]) expect(isConsolePath(p), p).toBe(false);
  });
  it("sends a signed-out visitor to sign in with the way back", () => {
    expect(loginUrl("/interviews?status=COMPLETED")).toBe("/login?callbackUrl=%2Finterviews%3Fstatus%3DCOMPLETED");
    expect(loginUrl("/")).toBe("/login");
  });
  it("never redirects off the site after sign-in", () => {
    for (const bad of ["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""]) expect(safeCallback(bad)).toBe("/");
    expect(safeCallback("/compare?job=job_1")).toBe("/compare?job=job_1");
  });
});
