import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../helpers/db";
import { runTs } from "../helpers/spawn";

// The CLI runs as operators run it: a child process on DATABASE_URL (PostgreSQL runs) or
// its own embedded folder (PGlite runs).
const db = setupTestDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cli = async (...args: string[]) => {
  const url = db.url();
  const res = await runTs("cli/index.ts", args, url ? { DATABASE_URL: url } : { DATABASE_URL: "", PARLEY_DATA_DIR: dataDir });
  return { ...res, json: res.code === 0 ? JSON.parse(res.stdout) : null, error: res.stderr ? JSON.parse(res.stderr.trim().split("\n").pop()!).error : null };
};

// Each test starts up to five CLI processes one after the other, and one start on a fresh
// embedded folder takes up to 16 s on a busy 2-core machine; a hang still fails.
describe("CLI", { timeout: 180_000 }, () => {
  it("creates an organisation, a key with scopes, lists and revokes it, each as one JSON object", async () => {
    const org = await cli("org", "create", "--name", "Globex Corp");
    expect(org.code).toBe(0);
    expect(org.json.organization).toMatchObject({ name: "Globex Corp", slug: "globex-corp", id: expect.stringMatching(/^org_/) });

    const key = await cli("api-key", "create", "--org", "globex-corp", "--name", "ATS", "--scopes", "interviews:read,jobs:read");
    expect(key.code).toBe(0);
    expect(key.json.key).toMatch(/^parley_/);
    expect(key.json.apiKey.scopes).toEqual(["interviews:read", "jobs:read"]);

    const all = await cli("api-key", "create", "--org", "globex-corp", "--name", "Ops", "--scopes", "all");
    expect(all.json.apiKey.scopes).toContain("webhooks:write");

    const list = await cli("api-key", "list", "--org", "globex-corp");
    expect(list.json.apiKeys.map((k: { name: string }) => k.name).sort()).toEqual(["ATS", "Ops"]);
    expect(list.stdout).not.toContain(key.json.key);

    const revoked = await cli("api-key", "revoke", "--id", key.json.apiKey.id);
    expect(revoked.json.apiKey.revokedAt).not.toBeNull();
  });

  it("creates a user with a role", async () => {
    await cli("org", "create", "--name", "Initech", "--slug", "initech");
    const user = await cli("user", "create", "--org", "initech", "--email", "Ops@Initech.example", "--password", "long-enough", "--role", "admin");
    expect(user.code).toBe(0);
    expect(user.json.user).toMatchObject({ email: "ops@initech.example", role: "admin" });
  });

  it("reports errors on stderr as JSON with a non-zero exit", async () => {
    const missing = await cli("api-key", "create", "--org", "nope", "--name", "x", "--scopes", "all");
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.error).toMatchObject({ code: "not_found" });

    const badScope = await cli("api-key", "create", "--org", "initech", "--name", "x", "--scopes", "root");
    expect(badScope.code).toBe(2);
    expect(badScope.error.message).toContain("root");

    const dup = await cli("org", "create", "--name", "Initech", "--slug", "initech");
    expect(dup.error).toMatchObject({ code: "conflict" });

    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(2);
  });

  it("seeds the demo organisation once and re-issues a key on later runs", async () => {
    const first = await cli("seed");
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ created: true, organization: { slug: "demo" }, login: { email: expect.any(String) } });
    expect(first.json.apiKey).toMatch(/^parley_/);
    const again = await cli("seed");
    expect(again.json).toMatchObject({ created: false, login: null });
    expect(again.json.apiKey).not.toBe(first.json.apiKey);
  });
});
