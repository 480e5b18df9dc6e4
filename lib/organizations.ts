import { eq } from "drizzle-orm";
import { z } from "zod";
import { interviewConfigs } from "@/db/interview-configs";
import { organizations, type Organization } from "@/db/organizations";
import { recordAudit } from "./audit";
import type { Actor } from "./context";
import type { Db } from "./db/types";
import { conflict, isUniqueViolation, notFound } from "./errors";
import { newId } from "./ids";
import { defaultConfigValues } from "./interview-configs/defaults";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

export const createOrganizationInput = z.object({
  name: z.string().trim().min(1).max(120),
  slug: z.string().regex(SLUG, "lower-case letters, digits and dashes, 1–48 characters").optional(),
});

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug || "org";
}

export function publicOrganization(org: Organization) {
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    candidateDataRetentionDays: org.candidateDataRetentionDays,
    accommodationContactEmail: org.accommodationContactEmail,
    createdAt: org.createdAt.toISOString(),
  };
}

/** What the candidate's consent notice states (lib/invite/notice.ts); null e-mail: "reply to the invitation". */
export const candidateNoticeSettingsInput = z.object({
  candidateDataRetentionDays: z.number().int().min(1).max(3650).optional(),
  accommodationContactEmail: z.email().max(254).nullable().optional(),
});

/** Changes the organisation's candidate-notice settings; every consent notice after it is a new version. */
export async function updateCandidateNoticeSettings(db: Db, actor: Actor, slug: string, input: z.input<typeof candidateNoticeSettingsInput>): Promise<Organization> {
  const data = candidateNoticeSettingsInput.parse(input);
  const org = await getOrganizationBySlug(db, slug);
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(organizations).set(data).where(eq(organizations.id, org.id)).returning();
    await recordAudit(tx, { organizationId: org.id, actor }, { action: "organization.settings_changed", targetType: "organization", targetId: org.id, data: { fields: Object.keys(data) } });
    return updated!;
  });
}

/** Creates an organisation together with its default interview configuration. */
export async function createOrganization(db: Db, actor: Actor, input: z.input<typeof createOrganizationInput>) {
  const data = createOrganizationInput.parse(input);
  const slug = data.slug ?? slugify(data.name);
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx.insert(organizations).values({ id: newId("organization"), name: data.name, slug }).returning();
      const ctx = { organizationId: org!.id, actor };
      await tx.insert(interviewConfigs).values({ id: newId("config"), organizationId: org!.id, isDefault: true, ...defaultConfigValues() });
      await recordAudit(tx, ctx, { action: "organization.created", targetType: "organization", targetId: org!.id });
      return org!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`An organisation with slug "${slug}" already exists.`);
    throw err;
  }
}

export async function getOrganizationBySlug(db: Db, slug: string): Promise<Organization> {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  if (!org) throw notFound(`Organisation "${slug}"`);
  return org;
}
