import { createApiKey, findApiKeyOrganization, listApiKeys, revokeApiKey } from "@/lib/api-keys";
import { parseScopeList } from "@/lib/auth/scopes";
import { systemCtx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { getOrganizationBySlug } from "@/lib/organizations";
import { optional, required, UsageError } from "../args";
import type { Run } from "../command";

export const createKey: Run = async (flags) => {
  let scopes;
  try {
    scopes = parseScopeList(required(flags, "scopes"));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const name = required(flags, "name");
  const expiresAt = optional(flags, "expires-at");
  const db = await getDb();
  const org = await getOrganizationBySlug(db, required(flags, "org"));
  const { apiKey, key } = await createApiKey(db, systemCtx(org.id), { name, scopes, expiresAt: expiresAt ? new Date(expiresAt) : undefined });
  return { apiKey, key, note: "Store this key now: it is shown once and only its hash is kept." };
};

export const listKeys: Run = async (flags) => {
  const db = await getDb();
  const org = await getOrganizationBySlug(db, required(flags, "org"));
  return { apiKeys: await listApiKeys(db, systemCtx(org.id)) };
};

export const revokeKey: Run = async (flags) => {
  const id = required(flags, "id");
  const db = await getDb();
  const organizationId = await findApiKeyOrganization(db, id);
  if (!organizationId) throw notFound("API key");
  return { apiKey: await revokeApiKey(db, systemCtx(organizationId), id) };
};
