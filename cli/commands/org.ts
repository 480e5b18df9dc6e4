import { desc } from "drizzle-orm";
import { organizations } from "@/db/organizations";
import { getDb } from "@/lib/db/client";
import { createOrganization, publicOrganization, updateCandidateNoticeSettings } from "@/lib/organizations";
import { optional, required, UsageError } from "../args";
import type { Run } from "../command";

export const createOrg: Run = async (flags) => {
  const org = await createOrganization(await getDb(), { type: "system", id: "cli" }, { name: required(flags, "name"), slug: optional(flags, "slug") });
  return { organization: publicOrganization(org) };
};

export const listOrgs: Run = async () => {
  const rows = await (await getDb()).select().from(organizations).orderBy(desc(organizations.createdAt));
  return { organizations: rows.map(publicOrganization) };
};

export const orgSettings: Run = async (flags) => {
  const days = optional(flags, "retention-days");
  const email = optional(flags, "accommodation-email");
  if (days === undefined && email === undefined) throw new UsageError("Give --retention-days and/or --accommodation-email.");
  if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError("--retention-days must be a whole number of days.");
  const org = await updateCandidateNoticeSettings(await getDb(), { type: "system", id: "cli" }, required(flags, "org"), {
    ...(days !== undefined ? { candidateDataRetentionDays: Number(days) } : {}),
    ...(email !== undefined ? { accommodationContactEmail: email === "none" ? null : email } : {}),
  });
  return { organization: publicOrganization(org) };
};
