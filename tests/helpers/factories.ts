import { createApiKey } from "@/lib/api-keys";
import { SCOPES, type Scope } from "@/lib/auth/scopes";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { randomBase62 } from "@/lib/ids";
import { createOrganization } from "@/lib/organizations";

/** A fresh organisation per test (or file), so tests never see each other's rows. */
export async function createTestOrg(db: Db, name = "Test Org") {
  const org = await createOrganization(db, { type: "system", id: "test" }, {
    name,
    slug: `t-${randomBase62(10).toLowerCase()}`,
  });
  const ctx: Ctx = { organizationId: org.id, actor: { type: "system", id: "test" } };
  return { org, ctx };
}

export async function createTestKey(db: Db, ctx: Ctx, scopes: readonly Scope[] = SCOPES) {
  const { apiKey, key } = await createApiKey(db, ctx, { name: "test key", scopes: [...scopes] });
  return { id: apiKey.id, key, authorization: `Bearer ${key}` };
}
