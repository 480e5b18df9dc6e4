import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/db/api-keys";
import { auditEvents } from "@/db/audit-events";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys";
import { sha256Hex } from "@/lib/auth/api-key-format";
import { setupTestDatabase } from "../helpers/db";
import { createTestOrg } from "../helpers/factories";

const db = setupTestDatabase();

describe("API keys", () => {
  it("stores only the hash and a short prefix, never the key", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const { apiKey, key } = await createApiKey(db.get().db, ctx, { name: "ATS", scopes: ["interviews:read"] });
    const [row] = await db.get().db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.secretHash).toBe(sha256Hex(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(key.startsWith(row!.prefix)).toBe(true);
    expect(apiKey).not.toHaveProperty("secretHash");
  });

  it("authenticates to its organisation and scopes; records the creation in the audit log", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const { apiKey, key } = await createApiKey(db.get().db, ctx, { name: "ATS", scopes: ["jobs:read", "jobs:read"] });
    const auth = await authenticateApiKey(db.get().db, key);
    expect(auth).toEqual({ id: apiKey.id, organizationId: ctx.organizationId, scopes: ["jobs:read"] });
    const audit = await db.get().db.select().from(auditEvents).where(eq(auditEvents.targetId, apiKey.id));
    expect(audit.map((a) => a.action)).toEqual(["api_key.created"]);
  });

  it("updates last used at most once a minute", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const { apiKey, key } = await createApiKey(db.get().db, ctx, { name: "k", scopes: ["jobs:read"] });
    await authenticateApiKey(db.get().db, key);
    const [first] = await db.get().db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(first!.lastUsedAt).toBeInstanceOf(Date);
    await authenticateApiKey(db.get().db, key);
    const [second] = await db.get().db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(second!.lastUsedAt!.getTime()).toBe(first!.lastUsedAt!.getTime());

    await db.get().db.update(apiKeys).set({ lastUsedAt: new Date(Date.now() - 61_000) }).where(eq(apiKeys.id, apiKey.id));
    await authenticateApiKey(db.get().db, key);
    const [third] = await db.get().db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(third!.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 5000);
  });

  it("lists only the organisation's keys; another organisation's key is not found", async () => {
    const a = await createTestOrg(db.get().db);
    const b = await createTestOrg(db.get().db);
    const { apiKey } = await createApiKey(db.get().db, a.ctx, { name: "a", scopes: ["jobs:read"] });
    await createApiKey(db.get().db, b.ctx, { name: "b", scopes: ["jobs:read"] });
    expect((await listApiKeys(db.get().db, a.ctx)).map((k) => k.name)).toEqual(["a"]);
    await expect(revokeApiKey(db.get().db, b.ctx, apiKey.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeApiKey(db.get().db, a.ctx, "key_malformed")).rejects.toMatchObject({ code: "not_found" });
  });

  it("revocation takes effect at once and keeps its first time", async () => {
    const { ctx } = await createTestOrg(db.get().db);
    const { apiKey, key } = await createApiKey(db.get().db, ctx, { name: "k", scopes: ["jobs:read"] });
    const first = await revokeApiKey(db.get().db, ctx, apiKey.id);
    const again = await revokeApiKey(db.get().db, ctx, apiKey.id);
    expect(again.revokedAt).toBe(first.revokedAt);
    await expect(authenticateApiKey(db.get().db, key)).rejects.toMatchObject({ status: 401 });
  });
});
