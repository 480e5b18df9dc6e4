import { eq } from "drizzle-orm";
import { campaignStages } from "@/db/campaign-stages";
import { campaigns } from "@/db/campaigns";
import { candidates } from "@/db/candidates";
import { interviewConfigs } from "@/db/interview-configs";
import { interviewTurns } from "@/db/interview-turns";
import { interviews } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import { organizations } from "@/db/organizations";
import { reports } from "@/db/reports";
import { createApiKey } from "../api-keys";
import { SCOPES } from "../auth/scopes";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { newId } from "../ids";
import { snapshotOf } from "../interviews/references";
import { createOrganization } from "../organizations";
import { overallScore, recommendationFor } from "../reports/scoring";
import { createUser } from "../users";
import { insertInterviewRow } from "./interview-rows";
import { COMPLETED_REPORT, DEMO_CANDIDATES, DEMO_INTERVIEWS, DEMO_JOBS, DEMO_LOGIN, DEMO_ORG } from "./demo-data";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export type SeedResult = {
  created: boolean;
  organization: { id: string; slug: string; name: string };
  login: { email: string; password: string } | null;
  apiKey: string;
};

/**
 * The demo organisation: a user, jobs, candidates, a campaign with stages, configurations and
 * interviews in every status with transcripts. Run again, it leaves the data alone and issues
 * a fresh API key (the first one was shown once and is not stored).
 */
export async function seedDemo(db: Db): Promise<SeedResult> {
  const [existing] = await db.select().from(organizations).where(eq(organizations.slug, DEMO_ORG.slug));
  if (existing) {
    const ctx: Ctx = { organizationId: existing.id, actor: { type: "system", id: "seed" } };
    const { key } = await createApiKey(db, ctx, { name: "Demo key (re-issued by seed)", scopes: [...SCOPES] });
    return { created: false, organization: { id: existing.id, slug: existing.slug, name: existing.name }, login: null, apiKey: key };
  }

  const org = await createOrganization(db, { type: "system", id: "seed" }, DEMO_ORG);
  const ctx: Ctx = { organizationId: org.id, actor: { type: "system", id: "seed" } };
  await createUser(db, ctx, { ...DEMO_LOGIN, name: "Demo Recruiter", role: "owner" });
  const { key } = await createApiKey(db, ctx, { name: "Demo key", scopes: [...SCOPES] });

  await db.transaction(async (tx) => {
    const [defaultConfig] = await tx.select().from(interviewConfigs).where(eq(interviewConfigs.organizationId, org.id));
    const [technical] = await tx
      .insert(interviewConfigs)
      .values({
        ...snapshotOf(defaultConfig!),
        id: newId("config"),
        organizationId: org.id,
        name: "Backend technical screen",
        maxDurationMinutes: 25,
        isDefault: false,
        version: 1,
        questions: [
          { id: "t1", text: "How would you design an outbox so that events are published exactly when a transaction commits?", followUps: [] },
          { id: "t2", text: "A query got ten times slower after a deploy. How do you find out why?", followUps: [] },
        ],
      })
      .returning();

    const jobIds: Record<string, string> = {};
    for (const job of DEMO_JOBS) {
      const id = newId("job");
      jobIds[job.key] = id;
      await tx.insert(jobs).values({ id, organizationId: org.id, title: job.title, description: job.description, location: job.location });
    }
    const candidateIds: string[] = [];
    for (const c of DEMO_CANDIDATES) {
      const id = newId("candidate");
      candidateIds.push(id);
      await tx.insert(candidates).values({ id, organizationId: org.id, ...c });
    }
    const campaignId = newId("campaign");
    await tx.insert(campaigns).values({ id: campaignId, organizationId: org.id, jobId: jobIds.backend!, name: "Backend hiring, winter 2026" });
    const screeningStage = newId("stage");
    await tx.insert(campaignStages).values([
      { id: screeningStage, organizationId: org.id, campaignId, position: 1, name: "AI screening", configId: defaultConfig!.id, generateReport: true },
      { id: newId("stage"), organizationId: org.id, campaignId, position: 2, name: "AI technical screen", configId: technical!.id, generateReport: true },
    ]);

    const now = Date.now();
    for (const [i, spec] of DEMO_INTERVIEWS.entries()) {
      const id = newId("interview");
      const created = new Date(now - (DEMO_INTERVIEWS.length - i) * DAY);
      const started = ["COMPLETED", "IN_PROGRESS"].includes(spec.status) ? new Date(created.getTime() + 2 * HOUR) : null;
      await insertInterviewRow(tx, { organizationId: org.id, candidateId: candidateIds[spec.candidate]!, jobId: jobIds[spec.job]!, config: defaultConfig! }, {
        id,
        campaignId: spec.inCampaign ? campaignId : null,
        stageId: spec.inCampaign ? screeningStage : null,
        status: spec.status,
        invitationEmailStatus: spec.status === "DRAFT" ? "NONE" : "SENT",
        expiresAt: spec.status === "EXPIRED" ? new Date(now - DAY) : new Date(created.getTime() + 7 * DAY),
        invitedAt: spec.status === "DRAFT" ? null : created,
        startedAt: started,
        endedAt: spec.status === "COMPLETED" && started ? new Date(started.getTime() + 18 * 60_000) : null,
        cancelledAt: spec.status === "CANCELLED" ? new Date(created.getTime() + HOUR) : null,
        createdAt: created,
      });
      for (const [n, turn] of (spec.transcript ?? []).entries()) {
        await tx.insert(interviewTurns).values({
          id: newId("turn"),
          organizationId: org.id,
          interviewId: id,
          turnNumber: n + 1,
          role: turn.role,
          content: turn.content,
          evaluation: turn.evaluation ?? null,
          isPendingQuestion: spec.status === "IN_PROGRESS" && n === spec.transcript!.length - 1,
          createdAt: new Date(started!.getTime() + n * 60_000),
        });
      }
      if (spec.status === "COMPLETED") {
        const criteria = defaultConfig!.criteria.map((c) => {
          const r = COMPLETED_REPORT.criteria.find((x) => x.key === c.key)!;
          return { key: c.key, label: c.label, weight: c.weight, score: r.score, rationale: r.rationale, evidence: r.evidence };
        });
        const overall = overallScore(criteria);
        const reportId = newId("report");
        await tx.insert(reports).values({
          id: reportId,
          organizationId: org.id,
          interviewId: id,
          status: "READY",
          summary: COMPLETED_REPORT.summary,
          strengths: COMPLETED_REPORT.strengths,
          concerns: COMPLETED_REPORT.concerns,
          overallScore: overall,
          recommendation: recommendationFor(overall, defaultConfig!.scoreBands),
          scorecard: { criteria },
          model: "seed",
          promptVersion: "seed",
          configVersion: defaultConfig!.version,
          generatedAt: new Date(now - HOUR),
        });
        await tx.update(interviews).set({ reportId }).where(eq(interviews.id, id));
      }
    }
  });

  return { created: true, organization: { id: org.id, slug: org.slug, name: org.name }, login: DEMO_LOGIN, apiKey: key };
}
