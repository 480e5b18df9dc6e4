import { and, asc, eq, ilike, isNull } from "drizzle-orm";
import { campaigns } from "@/db/campaigns";
import { jobs } from "@/db/jobs";
import type { Ctx } from "@/lib/context";
import { containsPattern } from "@/lib/db/like";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";

export type Option = { id: string; label: string };
export type PickerKind = "job" | "campaign";

// Archived jobs leave the pickers (the new-interview form and the list and compare filters): no
// new interview is meant for them. A job already chosen, from a link or a bookmark, is still
// shown by name (pickerChoice), so /interviews?job=… and /compare?job=… keep working for it.

/** Active jobs and campaigns for the new-interview form's selects, alphabetically. */
export async function pickerOptions(db: Db, ctx: Ctx): Promise<{ jobs: Option[]; campaigns: (Option & { jobId: string })[] }> {
  const [jobRows, campaignRows] = await Promise.all([
    db.select({ id: jobs.id, label: jobs.title }).from(jobs).where(and(inOrg(jobs, ctx), isNull(jobs.archivedAt))).orderBy(asc(jobs.title)).limit(500),
    db
      .select({ id: campaigns.id, label: campaigns.name, jobId: campaigns.jobId })
      .from(campaigns)
      .where(and(inOrg(campaigns, ctx)))
      .orderBy(asc(campaigns.name))
      .limit(500),
  ]);
  return { jobs: jobRows, campaigns: campaignRows };
}

// The list filters and the compare page search jobs and campaigns as the user types instead
// of shipping every one with each page: an organisation with hundreds of jobs would otherwise
// pay for rendering and sending all of them on every list view (npm run bench:console).
export const PICKER_SEARCH_LIMIT = 20;

const source = (kind: PickerKind) =>
  kind === "job" ? { table: jobs, label: jobs.title, active: isNull(jobs.archivedAt) } : { table: campaigns, label: campaigns.name, active: undefined };

/** Up to 20 active jobs or campaigns whose name contains `q` (all when empty), alphabetically. */
export async function searchPicker(db: Db, ctx: Ctx, kind: PickerKind, q: string): Promise<Option[]> {
  const { table, label, active } = source(kind);
  const text = q.trim().slice(0, 100);
  return db
    .select({ id: table.id, label })
    .from(table)
    .where(and(inOrg(table, ctx), active, text ? ilike(label, containsPattern(text)) : undefined))
    .orderBy(asc(label), asc(table.id))
    .limit(PICKER_SEARCH_LIMIT);
}

/** The chosen job or campaign, to show its name in a filter; null when it is not the organisation's. */
export async function pickerChoice(db: Db, ctx: Ctx, kind: PickerKind, id: string | undefined): Promise<Option | null> {
  if (!id) return null;
  const { table, label } = source(kind);
  const [row] = await db
    .select({ id: table.id, label })
    .from(table)
    .where(and(inOrg(table, ctx), eq(table.id, id)));
  return row ?? null;
}
