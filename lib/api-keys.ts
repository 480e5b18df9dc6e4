import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { apiKeys, type ApiKey } from "@/db/api-keys";
import { inOrg } from "@/lib/db/in-org";
import { recordAudit } from "./audit";
import { generateApiKey, isWellFormedApiKey, safeEqualHex, sha256Hex, visiblePrefix } from "./auth/api-key-format";
import { scopeSchema, type Scope } from "./auth/scopes";
import type { Ctx } from "./context";
import type { Db } from "./db/types";
import { AppError, invalidField, notFound } from "./errors";
import { isId, newId } from "./ids";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(scopeSchema).min(1),
  expiresAt: z.coerce.date().optional(),
});

/** What any list or response may show of a key: never its hash. */
export function publicApiKey(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a key; the plaintext is returned here once and never stored. */
export async function createApiKey(db: Db, ctx: Ctx, input: z.input<typeof createApiKeyInput>) {
  const data = createApiKeyInput.parse(input);
  if (data.expiresAt && data.expiresAt <= new Date()) {
    throw invalidField("expiresAt", "must be in the future", "body", "too_small");
  }
  const key = generateApiKey();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        id: newId("apiKey"),
        organizationId: ctx.organizationId,
        name: data.name,
        prefix: visiblePrefix(key),
        secretHash: sha256Hex(key),
        scopes: [...new Set(data.scopes)],
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        expiresAt: data.expiresAt ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, { action: "api_key.created", targetType: "api_key", targetId: row!.id, data: { scopes: row!.scopes } });
    return { apiKey: publicApiKey(row!), key };
  });
}

export async function listApiKeys(db: Db, ctx: Ctx) {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(inOrg(apiKeys, ctx))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(publicApiKey);
}

/** Revoking twice is harmless: the first revocation time is kept. */
export async function revokeApiKey(db: Db, ctx: Ctx, id: string) {
  if (!isId("apiKey", id)) throw notFound("API key");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, id), inOrg(apiKeys, ctx)))
      .for("update");
    if (!row) throw notFound("API key");
    if (row.revokedAt) return publicApiKey(row);
    const [updated] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning();
    await recordAudit(tx, ctx, { action: "api_key.revoked", targetType: "api_key", targetId: id });
    return publicApiKey(updated!);
  });
}

/** For operators (CLI): which organisation owns a key id. */
export async function findApiKeyOrganization(db: Db, id: string): Promise<string | null> {
  if (!isId("apiKey", id)) return null;
  const [row] = await db.select({ organizationId: apiKeys.organizationId }).from(apiKeys).where(eq(apiKeys.id, id));
  return row?.organizationId ?? null;
}

export type AuthenticatedKey = { id: string; organizationId: string; scopes: Scope[] };

const LAST_USED_RESOLUTION_MS = 60_000;

const invalidKey = (detail: string) =>
  new AppError("unauthenticated", detail, { headers: { "WWW-Authenticate": 'Bearer realm="parley", Basic realm="parley"' } });

/** Resolves a presented key to its organisation and scopes, or throws 401. */
export async function authenticateApiKey(db: Db, presented: string): Promise<AuthenticatedKey> {
  // Malformed keys and typos are refused without touching the database.
  if (!isWellFormedApiKey(presented)) throw invalidKey("The API key is not valid.");
  const hash = sha256Hex(presented);
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, hash));
  if (!row || !safeEqualHex(row.secretHash, hash)) throw invalidKey("The API key is not valid.");
  const now = new Date();
  if (row.revokedAt) throw invalidKey("The API key has been revoked.");
  if (row.expiresAt && row.expiresAt <= now) throw invalidKey("The API key has expired.");
  // Written at most once a minute per key, so a busy key does not turn every read into a write.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  }
  return { id: row.id, organizationId: row.organizationId, scopes: row.scopes as Scope[] };
}
