import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/client-ip";

const from = (xff: string | null, hops = 1) => clientAddress(new Headers(xff === null ? {} : { "x-forwarded-for": xff }), hops);

describe("client address for the sign-in limit", () => {
  it("is the entry the nearest trusted proxy appended (the rightmost, by default)", () => {
    expect(from("203.0.113.9")).toBe("203.0.113.9");
    // A client can prepend anything; the proxy's own entry is last.
    expect(from("1.1.1.1, 203.0.113.9")).toBe("203.0.113.9");
    expect(from("1.1.1.1, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(from("203.0.113.9", 3)).toBe("203.0.113.9");
  });

  it("unwraps IPv4-mapped IPv6 and groups IPv6 by /64", () => {
    expect(from("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(from("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(from("2001:DB8:1:2::9")).toBe("2001:db8:1:2::/64");
    expect(from("[2001:db8::1]")).toBe("2001:db8:0:0::/64");
  });

  it("is null when missing or not an address", () => {
    expect(from(null)).toBeNull();
    expect(from("")).toBeNull();
    expect(from("unknown")).toBeNull();
  });
});
