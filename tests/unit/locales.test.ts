import { describe, expect, it } from "vitest";
import { negotiateLocale, toLocale } from "@/lib/i18n/locales";

describe("locale negotiation", () => {
  it("takes the browser's best-ranked language that Parley speaks", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")).toBe("fr");
    expect(negotiateLocale("en-GB;q=0.5, fr-CA")).toBe("fr");
    expect(negotiateLocale("fr;q=0, en;q=0.1")).toBe("en");
  });
  it("falls back to English for nothing, nonsense or only unsupported languages", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("de, es;q=0.9")).toBe("en");
    expect(negotiateLocale(";;,")).toBe("en");
  });
  it("maps stored tags to a supported locale", () => {
    expect(toLocale("FR-ca")).toBe("fr");
    expect(toLocale("pt")).toBe("en");
    expect(toLocale(null)).toBe("en");
  });
});
