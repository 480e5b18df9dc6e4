import { afterEach, describe, expect, it } from "vitest";
import { seal, unseal, UnsealError } from "@/lib/crypto/seal";
import { resetEnvCache } from "@/lib/env";

const secretBefore = process.env.AUTH_SECRET;
afterEach(() => {
  if (secretBefore === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = secretBefore;
  resetEnvCache();
});

describe("seal / unseal (AES-256-GCM, key derived from AUTH_SECRET)", () => {
  it("opens what it sealed, in the same context; the sealed text shows nothing of it", () => {
    const sealed = seal("test", '{"secret":"whsec_abc"}', "org/key/1");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("whsec_abc");
    expect(unseal("test", sealed, "org/key/1")).toBe('{"secret":"whsec_abc"}');
    // A fresh IV each time.
    expect(seal("test", "same", "c")).not.toBe(seal("test", "same", "c"));
  });

  it("refuses another context, another purpose, a tampered or truncated value, another AUTH_SECRET", () => {
    const sealed = seal("test", "payload", "org/key/1");
    expect(() => unseal("test", sealed, "org/key/2")).toThrow(UnsealError);
    expect(() => unseal("other", sealed, "org/key/1")).toThrow(UnsealError);
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = data!.slice(0, -2) + (data!.at(-2) === "A" ? "B" : "A") + data!.at(-1);
    expect(() => unseal("test", [v, iv, tag, flipped].join("."), "org/key/1")).toThrow(UnsealError);
    expect(() => unseal("test", [v, iv, tag!.slice(0, 6), data].join("."), "org/key/1")).toThrow(UnsealError);
    expect(() => unseal("test", "garbage", "org/key/1")).toThrow(UnsealError);

    process.env.AUTH_SECRET = "a-rotated-secret-for-the-seal-test-0123456789";
    resetEnvCache();
    expect(() => unseal("test", sealed, "org/key/1")).toThrow(UnsealError);
  });
});
