// Interviews for the agent endpoints' tests, inserted directly (interview creation is another
// module's work). No vitest imports: the benchmark script seeds with these too.
import { AccessToken } from "livekit-server-sdk";
import { campaignStages } from "@/db/campaign-stages";
import { campaigns } from "@/db/campaigns";
import { candidates } from "@/db/candidates";
import type { InterviewConfigSnapshot } from "@/db/interview-configs";
import type { InterviewStatus } from "@/db/interviews";
import { jobs } from "@/db/jobs";
import type { Ctx } from "@/lib/context";
import type { Db } from "@/lib/db/types";
import { newId } from "@/lib/ids";
import { defaultConfigValues } from "@/lib/interview-configs/defaults";
import { insertInterviewRow } from "@/lib/seed/interview-rows";

export const TEST_AGENT_SECRET = "agent-secret-for-tests-0123456789";
export const TEST_LIVEKIT = { key: "APItestkey", secret: "livekit-test-secret-0123456789abcdef" };

export type InterviewFixture = {
  status?: InterviewStatus;
  expiresAt?: Date;
  startedAt?: Date | null;
  /** Puts the interview in a campaign stage with this generate_report. */
  stageGenerateReport?: boolean;
  firstName?: string;
  locale?: string;
  jobTitle?: string;
  questions?: InterviewConfigSnapshot["questions"];
};

export async function createTestInterview(db: Db, ctx: Ctx, fx: InterviewFixture = {}) {
  const candidateId = newId("candidate");
  const jobId = newId("job");
  await db.insert(candidates).values({
    id: candidateId,
    organizationId: ctx.organizationId,
    firstName: fx.firstName ?? "Ada",
    lastName: "Lovelace",
    email: `ada+${candidateId}@example.com`,
    locale: fx.locale ?? "en",
  });
  await db.insert(jobs).values({ id: jobId, organizationId: ctx.organizationId, title: fx.jobTitle ?? "Backend engineer", description: "Builds the API." });
  let campaignId: string | null = null;
  let stageId: string | null = null;
  if (fx.stageGenerateReport !== undefined) {
    campaignId = newId("campaign");
    stageId = newId("stage");
    await db.insert(campaigns).values({ id: campaignId, organizationId: ctx.organizationId, jobId, name: "Hiring" });
    await db.insert(campaignStages).values({ id: stageId, organizationId: ctx.organizationId, campaignId, position: 1, name: "Screen", generateReport: fx.stageGenerateReport });
  }
  const config = defaultConfigValues();
  const snapshot: InterviewConfigSnapshot = { id: newId("config"), version: 3, ...config, questions: fx.questions ?? config.questions };
  const status = fx.status ?? "INVITED";
  const { interview } = await insertInterviewRow(
    db,
    { organizationId: ctx.organizationId, candidateId, jobId, config: { snapshot } },
    {
      campaignId,
      stageId,
      status,
      expiresAt: fx.expiresAt,
      startedAt: fx.startedAt ?? (status === "IN_PROGRESS" || status === "COMPLETED" ? new Date(Date.now() - 60_000) : null),
    },
  );
  return { id: interview.id, candidateId, jobId, stageId, roomName: interview.roomName };
}

/** A LiveKit token as LiveKit's agent dispatch mints it (or, with `agent: false`, as a candidate's). */
export async function liveKitToken(room: string, opts: { agent?: boolean; ttl?: number | string; secret?: string } = {}) {
  const token = new AccessToken(TEST_LIVEKIT.key, opts.secret ?? TEST_LIVEKIT.secret, { identity: opts.agent === false ? "candidate" : "agent-1", ttl: opts.ttl ?? "1h" });
  token.addGrant({ room, roomJoin: true, ...(opts.agent === false ? {} : { agent: true }) });
  if (opts.agent !== false) token.kind = "agent";
  return token.toJwt();
}
