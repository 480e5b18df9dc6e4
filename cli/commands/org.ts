import { desc } from "drizzle-orm";
import { organizations } from "@/db/organizations";
import { getDb } from "@/lib/db/client";
import { createOrganization, publicOrganization } from "@/lib/organizations";
import { optional, required } from "../args";
import type { Run } from "../command";

export const createOrg: Run = async (flags) => {
  const org = await createOrganization(await getDb(), { type: "system", id: "cli" }, { name: required(flags, "name"), slug: optional(flags, "slug") });
  return { organization: publicOrganization(org) };
};

export const listOrgs: Run = async () => {
  const rows = await (await getDb()).select().from(organizations).orderBy(desc(organizations.createdAt));
  return { organizations: rows.map(publicOrganization) };
};
