import { describe, expect, it } from "vitest";
import { API_KEY_PREFIX, generateApiKey, isWellFormedApiKey, visiblePrefix } from "@/lib/auth/api-key-format";

describe("API key format", () => {
  it("generates keys a secret scanner can recognise and that pass their own checksum", () => {
    const key = generateApiKey();
    expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(key).toMatch(/^parley_[0-9A-Za-z]{36}$/);
    expect(isWellFormedApiKey(key)).toBe(true);
  });

  it("rejects a key with one character changed (checksum) before any lookup", () => {
    const key = generateApiKey();
    const i = API_KEY_PREFIX.length + 3;
    const typo = key.slice(0, i) + (key[i] === "a" ? "b" : "a") + key.slice(i + 1);
    expect(isWellFormedApiKey(typo)).toBe(false);
    expect(isWellFormedApiKey("sk_live_whatever")).toBe(false);
    expect(isWellFormedApiKey(key + "x")).toBe(false);
  });

  it("shows only a short prefix", () => {
    const key = generateApiKey();
    expect(visiblePrefix(key)).toHaveLength(API_KEY_PREFIX.length + 6);
    expect(key.startsWith(visiblePrefix(key))).toBe(true);
  });

  it("never generates the same key twice", () => {
    const keys = new Set(Array.from({ length: 1000 }, generateApiKey));
    expect(keys.size).toBe(1000);
  });
});
