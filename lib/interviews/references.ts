import { and, eq } from "drizzle-orm";
import { campaignStages } from "@/db/campaign-stages";
import { campaigns } from "@/db/campaigns";
import { candidates } from "@/db/candidates";
import { interviewConfigs, type InterviewConfig, type InterviewConfigSnapshot } from "@/db/interview-configs";
import { jobs } from "@/db/jobs";
import type { CreateInterviewInput } from "@/lib/api/schemas/interviews";
import { inOrg } from "@/lib/db/in-org";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { type FieldError, validationFailed } from "../errors";

const problem = (field: string, message: string): FieldError => ({ field, in: "body", message, code: "invalid_reference" });

export function snapshotOf(cfg: InterviewConfig): InterviewConfigSnapshot {
  const { id, name, language, maxDurationMinutes, intro, questions, criteria, scoreBands, version } = cfg;
  return { id, name, language, maxDurationMinutes, intro, questions, criteria, scoreBands, version };
}

async function findConfig(tx: Db, ctx: Ctx, where: ReturnType<typeof eq>) {
  const [cfg] = await tx
    .select()
    .from(interviewConfigs)
    .where(and(inOrg(interviewConfigs, ctx), where));
  return cfg;
}

/**
 * Checks every id of a new interview against the caller's organisation (another
 * organisation's object is simply not there) and picks its configuration: the one given,
 * else the stage's, else the organisation's default. All problems are reported at once.
 */
export async function resolveReferences(tx: Db, ctx: Ctx, input: CreateInterviewInput): Promise<{ config: InterviewConfig }> {
  const errors: FieldError[] = [];
  const [candidate] = await tx.select({ id: candidates.id }).from(candidates).where(and(eq(candidates.id, input.candidateId), inOrg(candidates, ctx)));
  if (!candidate) errors.push(problem("candidateId", "no such candidate in your organisation"));
  const [job] = await tx.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.id, input.jobId), inOrg(jobs, ctx)));
  if (!job) errors.push(problem("jobId", "no such job in your organisation"));

  if (input.campaignId) {
    const [campaign] = await tx.select({ jobId: campaigns.jobId }).from(campaigns).where(and(eq(campaigns.id, input.campaignId), inOrg(campaigns, ctx)));
    if (!campaign) errors.push(problem("campaignId", "no such campaign in your organisation"));
    else if (campaign.jobId !== input.jobId) errors.push(problem("campaignId", "this campaign is for another job"));
  }

  let stageConfigId: string | null = null;
  if (input.stageId && !input.campaignId) errors.push(problem("stageId", "a stage needs its campaignId"));
  else if (input.stageId) {
    const [stage] = await tx
      .select({ campaignId: campaignStages.campaignId, configId: campaignStages.configId })
      .from(campaignStages)
      .where(and(eq(campaignStages.id, input.stageId), inOrg(campaignStages, ctx)));
    if (!stage) errors.push(problem("stageId", "no such stage in your organisation"));
    else if (stage.campaignId !== input.campaignId) errors.push(problem("stageId", "this stage belongs to another campaign"));
    else stageConfigId = stage.configId;
  }

  let config: InterviewConfig | undefined;
  if (input.configId) {
    config = await findConfig(tx, ctx, eq(interviewConfigs.id, input.configId));
    if (!config) errors.push(problem("configId", "no such interview configuration in your organisation"));
  } else {
    if (stageConfigId) config = await findConfig(tx, ctx, eq(interviewConfigs.id, stageConfigId));
    config ??= await findConfig(tx, ctx, eq(interviewConfigs.isDefault, true));
    if (!config) errors.push(problem("configId", "your organisation has no default configuration: give configId"));
  }

  if (errors.length) {
    throw validationFailed(errors);
  }
  return { config: config! };
}
