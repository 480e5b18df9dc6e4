import { campaignStages } from "@/db/campaign-stages";
import { campaigns } from "@/db/campaigns";
import type { CreateCampaignInput } from "@/lib/api/schemas/campaigns";
import { recordAudit } from "@/lib/audit";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { type FieldError, validationFailed } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { existingConfigIds } from "@/lib/interview-configs/read";
import { findJob } from "@/lib/jobs/read";
import { serializeCampaign } from "./serialize";

/**
 * Creates a campaign and its stages, numbered 1.. in the given order. References are checked
 * in the same transaction as the insert; every unknown one is named in a single 422.
 */
export async function createCampaign(db: Db, ctx: Ctx, input: CreateCampaignInput) {
  return db.transaction(async (tx) => {
    const job = await findJob(tx, ctx, input.jobId);
    const configIds = input.stages.flatMap((s) => (s.configId ? [s.configId] : []));
    const known = await existingConfigIds(tx, ctx, configIds);
    const errors: FieldError[] = [];
    if (!job) errors.push({ field: "jobId", in: "body", message: "no job with this id", code: "invalid_reference" });
    input.stages.forEach((s, i) => {
      if (s.configId && !known.has(s.configId)) {
        errors.push({ field: `stages.${i}.configId`, in: "body", message: "no interview config with this id", code: "invalid_reference" });
      }
    });
    if (errors.length) throw validationFailed(errors);

    const [campaign] = await tx
      .insert(campaigns)
      .values({ id: newId("campaign"), organizationId: ctx.organizationId, jobId: input.jobId, name: input.name })
      .returning();
    const stages = await tx
      .insert(campaignStages)
      .values(
        input.stages.map((s, i) => ({
          id: newId("stage"),
          organizationId: ctx.organizationId,
          campaignId: campaign!.id,
          position: i + 1,
          name: s.name,
          configId: s.configId,
          generateReport: s.generateReport,
        })),
      )
      .returning();
    await recordAudit(tx, ctx, {
      action: "campaign.created",
      targetType: "campaign",
      targetId: campaign!.id,
      data: { jobId: input.jobId, stages: stages.length },
    });
    return serializeCampaign(campaign!, stages);
  });
}
