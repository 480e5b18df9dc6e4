import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { verifyAgentCredential } from "@/lib/agent/credentials";
import { agentSecret } from "@/lib/agent/secret";
import { resetEnvCache } from "@/lib/env";

// The README's simulator step works on a fresh checkout: in development the app and the CLI
// share an agent secret generated under the data folder. Anywhere else an unset secret closes the door.
const KEYS = ["NODE_ENV", "PARLEY_DATA_DIR", "AGENT_SECRET", "AUTH_SECRET"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
const assign = (vars: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
};
afterEach(() => assign(saved));

function withEnv(vars: Record<string, string | undefined>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-secret-"));
  assign({ PARLEY_DATA_DIR: dataDir, AGENT_SECRET: undefined, AUTH_SECRET: undefined, ...vars });
  return dataDir;
}

describe("the agent secret", () => {
  it("is generated once under the data folder in development, and accepted by the agent endpoints", async () => {
    const dataDir = withEnv({ NODE_ENV: "development" });
    try {
      const first = agentSecret();
      expect(first).toEqual({ value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), generated: true });
      expect(fs.readFileSync(path.join(dataDir, "agent-secret"), "utf8")).toBe(first!.value);
      expect(fs.statSync(path.join(dataDir, "agent-secret")).mode & 0o777).toBe(0o600);
      // Another process on the same folder (the CLI) reads the same one.
      resetEnvCache();
      expect(agentSecret()).toEqual(first);
      await expect(verifyAgentCredential({ kind: "secret", value: first!.value })).resolves.toEqual({ kind: "secret" });
      await expect(verifyAgentCredential({ kind: "secret", value: "x".repeat(43) })).rejects.toMatchObject({ code: "unauthenticated" });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("is AGENT_SECRET when set, in development too", () => {
    const dataDir = withEnv({ NODE_ENV: "development", AGENT_SECRET: "chosen-agent-secret-0123" });
    expect(agentSecret()).toEqual({ value: "chosen-agent-secret-0123", generated: false });
    expect(fs.existsSync(path.join(dataDir, "agent-secret"))).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("stays unset outside development: the secret way in is closed", async () => {
    for (const NODE_ENV of ["production", "test"]) {
      const dataDir = withEnv({ NODE_ENV, AUTH_SECRET: "p".repeat(32) });
      expect(agentSecret()).toBeUndefined();
      await expect(verifyAgentCredential({ kind: "secret", value: "" })).rejects.toMatchObject({ code: "unauthenticated" });
      expect(fs.existsSync(path.join(dataDir, "agent-secret"))).toBe(false);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
