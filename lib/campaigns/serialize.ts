import type { Campaign } from "@/db/campaigns";
import type { CampaignStage } from "@/db/campaign-stages";
import { type CampaignResource, campaignSchema } from "@/lib/api/schemas/campaigns";
import { iso } from "@/lib/api/schemas/common";

/** The v1 campaign resource with its stages in order; parsed so no column can leak. */
export function serializeCampaign(row: Campaign, stages: CampaignStage[]): CampaignResource {
  return campaignSchema.parse({
    id: row.id,
    jobId: row.jobId,
    name: row.name,
    stages: [...stages]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({ id: s.id, name: s.name, position: s.position, configId: s.configId, generateReport: s.generateReport })),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  });
}
