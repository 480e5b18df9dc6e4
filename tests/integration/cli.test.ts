import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "@/cli/registry";
import { backgroundJobStatus } from "@/db/background-jobs";
import { randomBase62 } from "@/lib/ids";
import { runCli as cli } from "../helpers/cli";
import { migratedDataFolder, setupTestDatabase } from "../helpers/db";
import { runCliProcess } from "../helpers/spawn";

// The CLI's commands run in this process through main(argv, io), on this file's database; each
// test makes the organisations it uses. One test runs it as operators do, in a child process.
const db = setupTestDatabase();
const slug = (prefix: string) => `${prefix}-${randomBase62(6).toLowerCase()}`;

// Each test starts up to five CLI processes one after the other, and one start on a fresh
// embedded folder takes up to 16 s on a busy 2-core machine; a hang still fails.
describe("CLI", { timeout: 180_000 }, () => {
  it("creates an organisation, a key with scopes, lists and revokes it, each as one JSON object", async () => {
    const s = slug("globex");
    const org = await cli("org", "create", "--name", "Globex Corp", "--slug", s);
    expect(org.code).toBe(0);
    expect(org.json.organization).toMatchObject({ name: "Globex Corp", slug: s, id: expect.stringMatching(/^org_/) });

    const key = await cli("api-key", "create", "--org", s, "--name", "ATS", "--scopes", "interviews:read,jobs:read");
    expect(key.code).toBe(0);
    expect(key.json.key).toMatch(/^parley_/);
    expect(key.json.apiKey.scopes).toEqual(["interviews:read", "jobs:read"]);

    const all = await cli("api-key", "create", "--org", s, "--name", "Ops", "--scopes", "all");
    expect(all.json.apiKey.scopes).toContain("webhooks:write");

    const list = await cli("api-key", "list", "--org", s);
    expect(list.json.apiKeys.map((k: { name: string }) => k.name).sort()).toEqual(["ATS", "Ops"]);
    expect(list.stdout).not.toContain(key.json.key);

    const revoked = await cli("api-key", "revoke", "--id", key.json.apiKey.id);
    expect(revoked.json.apiKey.revokedAt).not.toBeNull();
  });

  it("sets what the candidate's consent notice states: retention days and the accommodation contact", async () => {
    const s = slug("notice");
    const created = await cli("org", "create", "--name", "Notice Co", "--slug", s);
    expect(created.json.organization).toMatchObject({ candidateDataRetentionDays: 365, accommodationContactEmail: null });
    const set = await cli("org", "settings", "--org", s, "--retention-days", "180", "--accommodation-email", "people@notice.example");
    expect(set.code).toBe(0);
    expect(set.json.organization).toMatchObject({ slug: s, candidateDataRetentionDays: 180, accommodationContactEmail: "people@notice.example" });
    const cleared = await cli("org", "settings", "--org", s, "--accommodation-email", "none");
    expect(cleared.json.organization).toMatchObject({ candidateDataRetentionDays: 180, accommodationContactEmail: null });
    expect((await cli("org", "settings", "--org", s)).code).toBe(2);
    expect((await cli("org", "settings", "--org", s, "--retention-days", "soon")).code).toBe(2);
  });

  it("derives the slug from the name, and creates a user with a role", async () => {
    const name = `Initech ${randomBase62(4)}`;
    const org = await cli("org", "create", "--name", name);
    expect(org.json.organization.slug).toBe(name.toLowerCase().replace(" ", "-"));
    // --option=value works as well as --option value.
    const user = await cli("user", "create", `--org=${org.json.organization.slug}`, "--email", "Ops@Initech.example", "--password=long-enough", "--role", "admin");
    expect(user.code).toBe(0);
    expect(user.json.user).toMatchObject({ email: "ops@initech.example", role: "admin" });
  });

  it("reports failures on stderr as JSON with exit 1, usage errors with exit 2, and nothing on stdout", async () => {
    const s = slug("umbrella");
    await cli("org", "create", "--name", "Umbrella", "--slug", s);

    const missing = await cli("api-key", "create", "--org", slug("nope"), "--name", "x", "--scopes", "all");
    expect(missing).toMatchObject({ code: 1, stdout: "", error: { code: "not_found" } });

    const badScope = await cli("api-key", "create", "--org", s, "--name", "x", "--scopes", "root");
    expect(badScope).toMatchObject({ code: 2, stdout: "", error: { code: "usage" } });
    expect(badScope.error.message).toContain("root");
    expect(badScope.error.message).toContain(commands["api-key create"]!.usage);

    expect((await cli("org", "create", "--name", "Umbrella", "--slug", s)).error).toMatchObject({ code: "conflict" });
    expect(await cli("org", "create")).toMatchObject({ code: 2, error: { code: "usage", message: expect.stringContaining("--name is required") } });
    // Options are parsed by node:util's parseArgs (strict), whose messages name the option.
    expect(await cli("org", "list", "stray")).toMatchObject({ code: 2, error: { message: expect.stringContaining("Unexpected argument 'stray'") } });
    expect(await cli("org", "create", "--name", "X", "--colour", "red")).toMatchObject({ code: 2, stdout: "", error: { code: "usage", message: expect.stringContaining("Unknown option '--colour'") } });
    expect(await cli("org", "create", "--name")).toMatchObject({ code: 2, error: { code: "usage", message: expect.stringContaining("'--name <value>' argument missing") } });
    expect(await cli("org", "create", "--name", "--slug", "x")).toMatchObject({ code: 2, error: { code: "usage", message: expect.stringContaining("'--name' argument is ambiguous") } });
    expect(await cli("jobs", "list", "--limit", "0")).toMatchObject({ code: 2, error: { message: expect.stringContaining("--limit") } });
    expect(await cli("agent", "simulate", "--interview", "int_x", "--speed", "warp")).toMatchObject({ code: 2, error: { message: expect.stringContaining("--speed") } });

    const unknown = await cli("frobnicate", "--now");
    expect(unknown).toMatchObject({ code: 2, stdout: "", error: { code: "usage", message: expect.stringContaining('Unknown command "frobnicate"') } });
  });

  it("prints the usage of every command on --help and without arguments", async () => {
    for (const argv of [["--help"], []]) {
      const help = await cli(...argv);
      expect(help.code).toBe(0);
      for (const command of Object.values(commands)) expect(help.stdout).toContain(command.usage);
    }
    // The usage line is written apart from the command's code: it must name the statuses the code accepts.
    for (const status of backgroundJobStatus.enumValues) expect(commands["jobs list"]!.usage).toContain(status);
  });

  it("loads benchmark data with dev scale-data, refusing a count that is not a whole number", async () => {
    expect(await cli("dev", "scale-data")).toMatchObject({ code: 2, error: { message: expect.stringContaining("--interviews is required") } });
    expect(await cli("dev", "scale-data", "--interviews", "1.5")).toMatchObject({ code: 2, error: { message: expect.stringContaining("--interviews must be a whole number") } });
    const made = await cli("dev", "scale-data", "--interviews", "60", "--largest-share", "0.5", "--organizations", "1", "--days", "30");
    expect(made.code).toBe(0);
    expect(made.json).toMatchObject({ organizations: 2, largest: { interviews: 30, slug: expect.stringMatching(/^scale-/) }, rows: { interviews: 60 } });
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

  // `npm run cli` starts npm, node, tsx and the database driver: a few seconds of CPU, which a
  // busy 2-core machine can stretch to a minute. The timeout is there for a hang only.
  it("runs as a process: JSON on stdout and exit 0, a JSON error on stderr and exit 1, then exits", { timeout: 120_000 }, async ({ signal }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-cli-"));
    try {
      const url = db.url();
      if (!url) await migratedDataFolder(dataDir);
      const env = url ? { DATABASE_URL: url } : { DATABASE_URL: "", PARLEY_DATA_DIR: dataDir };
      const s = slug("hooli");
      const created = await runCliProcess(["org", "create", "--name", "Hooli", "--slug", s], env, signal);
      expect(created.stderr).toBe("");
      expect(created.code).toBe(0);
      expect(JSON.parse(created.stdout).organization).toMatchObject({ slug: s });

      const dup = await runCliProcess(["org", "create", "--name", "Hooli", "--slug", s], env, signal);
      expect(dup.code).toBe(1);
      expect(dup.stdout).toBe("");
      expect(JSON.parse(dup.stderr).error).toMatchObject({ code: "conflict" });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
