import { and, asc, desc, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import { campaignStages } from "@/db/campaign-stages";
import { candidates } from "@/db/candidates";
import { interviewConfigs } from "@/db/interview-configs";
import { createCandidateBody } from "@/lib/api/schemas/candidates";
import { createInterviewBody, type InterviewWithLink } from "@/lib/api/schemas/interviews";
import { createCandidate } from "@/lib/candidates/create";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import { containsPattern } from "@/lib/db/like";
import type { Db } from "@/lib/db/types";
import { createInterview } from "@/lib/interviews/create";
import { pickerOptions } from "./pickers";

// The console's "new interview" form: the API's create-interview body, where the candidate is
// either an existing one (candidateId) or a new one created in the same transaction, so a
// refused interview never leaves a stray candidate behind.

export const newInterviewInput = createInterviewBody
  .omit({ candidateId: true })
  .extend({
    candidateId: createInterviewBody.shape.candidateId.optional(),
    candidate: createCandidateBody.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.candidateId && !v.candidate) ctx.addIssue({ code: "custom", path: ["candidateId"], message: "pick a candidate or create one" });
    if (v.candidateId && v.candidate) ctx.addIssue({ code: "custom", path: ["candidate"], message: "give either an existing candidate or a new one, not both" });
  });
export type NewInterviewInput = z.output<typeof newInterviewInput>;

export async function createInterviewFromConsole(db: Db, ctx: Ctx, input: NewInterviewInput): Promise<InterviewWithLink> {
  return db.transaction(async (tx) => {
    const { candidate, candidateId, ...rest } = input;
    const id = candidateId ?? (await createCandidate(tx, ctx, candidate!)).id;
    return createInterview(tx, ctx, { ...rest, candidateId: id });
  });
}

export type NewInterviewOptions = {
  jobs: { id: string; label: string }[];
  campaigns: { id: string; label: string; jobId: string; stages: { id: string; label: string }[] }[];
  configs: { id: string; label: string; isDefault: boolean }[];
};

/** What the form's pickers offer, alphabetically; the default configuration first. */
export async function newInterviewOptions(db: Db, ctx: Ctx): Promise<NewInterviewOptions> {
  const [pickers, stageRows, configRows] = await Promise.all([
    pickerOptions(db, ctx),
    db
      .select({ id: campaignStages.id, label: campaignStages.name, campaignId: campaignStages.campaignId })
      .from(campaignStages)
      .where(inOrg(campaignStages, ctx))
      .orderBy(asc(campaignStages.position)),
    db
      .select({ id: interviewConfigs.id, label: interviewConfigs.name, isDefault: interviewConfigs.isDefault })
      .from(interviewConfigs)
      .where(inOrg(interviewConfigs, ctx))
      .orderBy(desc(interviewConfigs.isDefault), asc(interviewConfigs.name))
      .limit(200),
  ]);
  const stagesOf = new Map<string, { id: string; label: string }[]>();
  for (const { campaignId, id, label } of stageRows) stagesOf.set(campaignId, [...(stagesOf.get(campaignId) ?? []), { id, label }]);
  return {
    jobs: pickers.jobs,
    campaigns: pickers.campaigns.map((c) => ({ ...c, stages: stagesOf.get(c.id) ?? [] })),
    configs: configRows,
  };
}

export type CandidateMatch = { id: string; name: string; email: string };

/** Up to 10 candidates whose name or e-mail contains the text, case-insensitively. */
export async function searchCandidates(db: Db, ctx: Ctx, q: string): Promise<CandidateMatch[]> {
  const text = q.trim().slice(0, 100);
  if (!text) return [];
  const pattern = containsPattern(text);
  const rows = await db
    .select({ id: candidates.id, firstName: candidates.firstName, lastName: candidates.lastName, email: candidates.email })
    .from(candidates)
    .where(and(inOrg(candidates, ctx), or(ilike(candidates.email, pattern), ilike(sql`${candidates.firstName} || ' ' || ${candidates.lastName}`, pattern))))
    .orderBy(asc(candidates.lastName), asc(candidates.firstName))
    .limit(10);
  return rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}`, email: r.email }));
}
