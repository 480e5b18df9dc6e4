import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("environment", () => {
  it("defaults to the embedded database and sensible values", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PARLEY_DATA_DIR).toBe(".data");
    expect(env.OPENAI_MODEL).toBe("gpt-4o");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: "", OPENAI_MODEL: "" }).OPENAI_MODEL).toBe("gpt-4o");
  });

  it("names a malformed variable", () => {
    expect(() => parseEnv({ NODE_ENV: "development", DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ NODE_ENV: "development", APP_URL: "not a url" })).toThrow(/APP_URL/);
    expect(() => parseEnv({ NODE_ENV: "development", AGENT_SECRET: "short" })).toThrow(/AGENT_SECRET/);
  });

  it("reads the LiveKit agent name and rejoin grace period, with their defaults", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect([env.LIVEKIT_AGENT_NAME, env.LIVEKIT_REJOIN_GRACE_MINUTES]).toEqual(["parley-interviewer", 10]);
    const set = parseEnv({ NODE_ENV: "development", LIVEKIT_AGENT_NAME: "acme", LIVEKIT_REJOIN_GRACE_MINUTES: "3" });
    expect([set.LIVEKIT_AGENT_NAME, set.LIVEKIT_REJOIN_GRACE_MINUTES]).toEqual(["acme", 3]);
    expect(() => parseEnv({ NODE_ENV: "development", LIVEKIT_REJOIN_GRACE_MINUTES: "0" })).toThrow(/LIVEKIT_REJOIN_GRACE_MINUTES/);
  });

  it("reads the interviewer's settings, with their defaults", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect([env.INTERVIEWER_MODEL, env.INTERVIEWER_FOLLOW_UPS, env.INTERVIEWER_MODEL_TIMEOUT_MS]).toEqual([undefined, 2, 10_000]);
    const set = parseEnv({ NODE_ENV: "development", INTERVIEWER_MODEL: "gpt-4o-mini", INTERVIEWER_FOLLOW_UPS: "0", INTERVIEWER_MODEL_TIMEOUT_MS: "3000" });
    expect([set.INTERVIEWER_MODEL, set.INTERVIEWER_FOLLOW_UPS, set.INTERVIEWER_MODEL_TIMEOUT_MS]).toEqual(["gpt-4o-mini", 0, 3000]);
    expect(() => parseEnv({ NODE_ENV: "development", INTERVIEWER_FOLLOW_UPS: "-1" })).toThrow(/INTERVIEWER_FOLLOW_UPS/);
    expect(() => parseEnv({ NODE_ENV: "development", INTERVIEWER_MODEL_TIMEOUT_MS: "soon" })).toThrow(/INTERVIEWER_MODEL_TIMEOUT_MS/);
  });

  it("refuses WEBHOOKS_ALLOW_PRIVATE_URLS in production, allows it in development", () => {
    const prod = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) } as const;
    expect(() => parseEnv({ ...prod, WEBHOOKS_ALLOW_PRIVATE_URLS: "true" })).toThrow(/WEBHOOKS_ALLOW_PRIVATE_URLS: not allowed in production/);
    expect(parseEnv({ ...prod, WEBHOOKS_ALLOW_PRIVATE_URLS: "false" }).WEBHOOKS_ALLOW_PRIVATE_URLS).toBe(false);
    expect(parseEnv({ NODE_ENV: "development", WEBHOOKS_ALLOW_PRIVATE_URLS: "true" }).WEBHOOKS_ALLOW_PRIVATE_URLS).toBe(true);
  });

  it("serves the benchmark routes only with PARLEY_BENCH=1", () => {
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).PARLEY_BENCH).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), PARLEY_BENCH: "1" }).PARLEY_BENCH).toBe(true);
    expect(() => parseEnv({ NODE_ENV: "development", PARLEY_BENCH: "yes" })).toThrow(/PARLEY_BENCH/);
  });

  it("refuses production without AUTH_SECRET", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET/);
    // The message says how to make one, with nothing but node.
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow("export AUTH_SECRET=$(node -e");
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });
});
