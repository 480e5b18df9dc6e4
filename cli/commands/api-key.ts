import { createApiKey, findApiKeyOrganization, listApiKeys, revokeApiKey } from "@/lib/api-keys";
import { parseScopeList } from "@/lib/auth/scopes";
import { systemCtx } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { getOrganizationBySlug } from "@/lib/organizations";
import { optional, required, UsageError } from "../args";
import type { Command } from "../command";

export const apiKeyCommands: Record<string, Command> = {
  "api-key create": {
    usage: "api-key create --org SLUG --name NAME --scopes a,b|all [--expires-at ISO]",
    async run(flags) {
      const db = await getDb();
      const org = await getOrganizationBySlug(db, required(flags, "org"));
      let scopes;
      try {
        scopes = parseScopeList(required(flags, "scopes"));
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const expiresAt = optional(flags, "expires-at");
      const { apiKey, key } = await createApiKey(db, systemCtx(org.id), { name: required(flags, "name"), scopes, expiresAt: expiresAt ? new Date(expiresAt) : undefined });
      return { apiKey, key, note: "Store this key now: it is shown once and only its hash is kept." };
    },
  },
  "api-key list": {
    usage: "api-key list --org SLUG",
    async run(flags) {
      const db = await getDb();
      const org = await getOrganizationBySlug(db, required(flags, "org"));
      return { apiKeys: await listApiKeys(db, systemCtx(org.id)) };
    },
  },
  "api-key revoke": {
    usage: "api-key revoke --id ID",
    async run(flags) {
      const db = await getDb();
      const id = required(flags, "id");
      const organizationId = await findApiKeyOrganization(db, id);
      if (!organizationId) throw notFound("API key");
      return { apiKey: await revokeApiKey(db, systemCtx(organizationId), id) };
    },
  },
};
