import { and, eq, inArray, type SQL } from "drizzle-orm";
import { campaignStages, type CampaignStage } from "@/db/campaign-stages";
import { campaigns } from "@/db/campaigns";
import type { CampaignListQuery } from "@/lib/api/schemas/campaigns";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { newestFirstPage } from "@/lib/db/newest-first";
import { isId } from "@/lib/ids";
import { serializeCampaign } from "./serialize";

async function stagesOf(db: Db, ctx: Ctx, campaignIds: string[]): Promise<Map<string, CampaignStage[]>> {
  const byCampaign = new Map<string, CampaignStage[]>(campaignIds.map((id) => [id, []]));
  if (!campaignIds.length) return byCampaign;
  const rows = await db
    .select()
    .from(campaignStages)
    .where(and(inOrg(campaignStages, ctx), inArray(campaignStages.campaignId, campaignIds)));
  for (const row of rows) byCampaign.get(row.campaignId)?.push(row);
  return byCampaign;
}

export async function getCampaign(db: Db, ctx: Ctx, id: string) {
  if (!isId("campaign", id)) throw notFound("Campaign");
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), inOrg(campaigns, ctx)));
  if (!row) throw notFound("Campaign");
  const stages = await stagesOf(db, ctx, [row.id]);
  return serializeCampaign(row, stages.get(row.id)!);
}

/** Newest first, id breaking ties; stages come in one query for the whole page. */
export async function listCampaigns(db: Db, ctx: Ctx, query: CampaignListQuery) {
  const filters: SQL[] = [inOrg(campaigns, ctx)];
  if (query.jobId !== undefined) filters.push(eq(campaigns.jobId, query.jobId));
  const { rows, total } = await newestFirstPage(db, campaigns, and(...filters), query);
  const stages = await stagesOf(db, ctx, rows.map((r) => r.id));
  return { items: rows.map((r) => serializeCampaign(r, stages.get(r.id)!)), total };
}
