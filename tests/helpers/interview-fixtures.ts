import { eq } from "drizzle-orm";
import { campaignStages } from "@/db/campaign-stages";
import { campaigns } from "@/db/campaigns";
import { candidates } from "@/db/candidates";
import { interviewConfigs } from "@/db/interview-configs";
import { interviews, type Interview } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { reports } from "@/db/reports";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { defaultConfigValues } from "@/lib/interview-configs/defaults";
import { insertInterviewRow, type NewInterviewRow } from "@/lib/seed/interview-rows";

// Rows inserted directly, so interview tests do not depend on the candidate, job and
// campaign endpoints (built by others, at the same time).

export async function insertCandidate(db: Db, ctx: Ctx, over: Partial<typeof candidates.$inferInsert> = {}) {
  const id = newId("candidate");
  await db.insert(candidates).values({ id, organizationId: ctx.organizationId, firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", ...over });
  return id;
}

export async function insertJob(db: Db, ctx: Ctx, title = "Analytical Engineer") {
  const id = newId("job");
  await db.insert(jobs).values({ id, organizationId: ctx.organizationId, title });
  return id;
}

export async function insertConfig(db: Db, ctx: Ctx, name = "Custom screen") {
  const id = newId("config");
  await db.insert(interviewConfigs).values({ ...defaultConfigValues(), id, organizationId: ctx.organizationId, name });
  return id;
}

export async function defaultConfigId(db: Db, ctx: Ctx) {
  const rows = await db.select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, ctx.organizationId));
  return rows.find((r) => r.isDefault)!.id;
}

/** A campaign for the job with one stage (using `stageConfigId` when given). */
export async function insertCampaign(db: Db, ctx: Ctx, jobId: string, stageConfigId: string | null = null) {
  const campaignId = newId("campaign");
  const stageId = newId("stage");
  await db.insert(campaigns).values({ id: campaignId, organizationId: ctx.organizationId, jobId, name: "Winter hiring" });
  await db.insert(campaignStages).values({ id: stageId, organizationId: ctx.organizationId, campaignId, position: 1, name: "AI screen", configId: stageConfigId });
  return { campaignId, stageId };
}

/** A candidate and a job: the least an interview needs. */
export async function interviewWorld(db: Db, ctx: Ctx, candidate: Partial<typeof candidates.$inferInsert> = {}) {
  return { candidateId: await insertCandidate(db, ctx, candidate), jobId: await insertJob(db, ctx) };
}

/** An interview row in any state, bypassing the API (for lists, expiry and state rules). */
export async function insertInterview(
  db: Db,
  ctx: Ctx,
  ref: { candidateId: string; jobId: string },
  over: Partial<NewInterviewRow> = {},
): Promise<{ interview: Interview; token: string }> {
  const [cfg] = await db.select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, ctx.organizationId));
  return insertInterviewRow(db, { organizationId: ctx.organizationId, ...ref, config: cfg! }, over);
}

/** A report row for the interview, made its current report (interviews.reportId). */
export async function insertCurrentReport(db: Db, ctx: Ctx, interviewId: string, over: Partial<typeof reports.$inferInsert> = {}) {
  const id = newId("report");
  await db.insert(reports).values({ id, organizationId: ctx.organizationId, interviewId, ...over });
  await db.update(interviews).set({ reportId: id }).where(eq(interviews.id, interviewId));
  return id;
}
