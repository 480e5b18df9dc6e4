import { describe, expect, it } from "vitest";
import { isBenchPath } from "@/lib/http/bench";
import { frameworkRefusal } from "@/lib/http/framework-guard";
import { baseSecurityHeaders, isHttps, liveKitOrigins, pageCsp } from "@/lib/http/security-headers";

// The pure parts of proxy.ts and the framework guard; e2e/api/hardening.spec.ts checks the
// same against `next start`.

describe("security headers", () => {
  it("invitation pages: no referrer at all, the microphone for this origin", () => {
    const h = baseSecurityHeaders("/i/abc", false);
    expect(h["Referrer-Policy"]).toBe("no-referrer");
    expect(h["Permissions-Policy"]).toContain("microphone=(self)");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Cache-Control"]).toBe("no-store");
  });

  it("the candidate's endpoints: no referrer, never stored by a cache", () => {
    for (const path of ["/api/invite/abc/join", "/api/invite/abc/messages", "/api/invite/abc/conversation"]) {
      const h = baseSecurityHeaders(path, false);
      expect(h["Referrer-Policy"], path).toBe("no-referrer");
      expect(h["Cache-Control"], path).toBe("no-store");
      expect(h["Permissions-Policy"], path).toContain("microphone=()");
    }
  });

  it("everywhere else: the origin only across sites, no microphone", () => {
    for (const path of ["/", "/console", "/docs/api", "/api/v1/interviews", "/index"]) {
      const h = baseSecurityHeaders(path, false);
      expect(h["Referrer-Policy"], path).toBe("strict-origin-when-cross-origin");
      expect(h["Permissions-Policy"], path).toContain("microphone=()");
      expect(h["Cache-Control"], path).toBeUndefined();
    }
  });

  it("HSTS only over https, as served or as the TLS proxy reports it", () => {
    expect(baseSecurityHeaders("/", false)["Strict-Transport-Security"]).toBeUndefined();
    expect(baseSecurityHeaders("/", true)["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(isHttps("http:", "https")).toBe(true);
    expect(isHttps("http:", "https, http")).toBe(true);
    expect(isHttps("https:", null)).toBe(true);
    expect(isHttps("http:", null)).toBe(false);
  });

  it("the page policy: scripts by nonce only, never framed, eval only in development", () => {
    const csp = pageCsp({ nonce: "abc123", dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageCsp({ nonce: "n", dev: true, https: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests/);
    expect(pageCsp({ nonce: "n", dev: false, https: true, connect: liveKitOrigins("wss://lk.example.com") })).toContain(
      "connect-src 'self' wss://lk.example.com https://lk.example.com",
    );
  });
});

describe("framework guard", () => {
  it("refuses TRACE, TRACK and the other methods Next cannot serve with a 405 problem", () => {
    for (const method of ["TRACE", "TRACK", "PROPFIND", "PURGE"]) expect(frameworkRefusal(method, "/api/v1/jobs")).toMatchObject({ status: 405, code: "method_not_allowed" });
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) expect(frameworkRefusal(method, "/api/v1/jobs")).toBeNull();
  });

  it("refuses a path that is not percent-encoded UTF-8, naming the path", () => {
    for (const target of ["/api/v1/jobs/%ff", "/i/%c0%80", "/api/v1/jobs/%", "/x/%zz?y=1", "http://localhost:3000/api/v1/jobs/%E9"]) {
      expect(frameworkRefusal("GET", target), target).toMatchObject({ status: 400, code: "bad_request", errors: [{ in: "path", code: "invalid_encoding" }] });
    }
    for (const target of ["/api/v1/jobs/%C3%A9", "/api/v1/jobs?q=%ff", "/i/abc#%ff", "/"]) expect(frameworkRefusal("GET", target), target).toBeNull();
  });

  it("recognises the benchmark's paths however they are spelt", () => {
    for (const path of ["/api/_bench/ping", "/api/%5Fbench/ping", "/api/%5fbench", "//api//_bench/x"]) expect(isBenchPath(path), path).toBe(true);
    for (const path of ["/api/bench", "/api/v1/_bench", "/api/_benchmark"]) expect(isBenchPath(path), path).toBe(false);
  });
});
