import { asc } from "drizzle-orm";
import { campaigns } from "@/db/campaigns";
import { jobs } from "@/db/jobs";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";

export type Option = { id: string; label: string };

/** Jobs and campaigns for the console's filters and forms, alphabetically. */
export async function pickerOptions(db: Db, ctx: Ctx): Promise<{ jobs: Option[]; campaigns: (Option & { jobId: string })[] }> {
  const [jobRows, campaignRows] = await Promise.all([
    db.select({ id: jobs.id, label: jobs.title }).from(jobs).where(inOrg(jobs, ctx)).orderBy(asc(jobs.title)).limit(500),
    db
      .select({ id: campaigns.id, label: campaigns.name, jobId: campaigns.jobId })
      .from(campaigns)
      .where(inOrg(campaigns, ctx))
      .orderBy(asc(campaigns.name))
      .limit(500),
  ]);
  return { jobs: jobRows, campaigns: campaignRows };
}
