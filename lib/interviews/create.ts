import { interviews } from "@/db/interviews";
import { type CreateInterviewInput, type InterviewWithLink, interviewWithLinkSchema } from "@/lib/api/schemas/interviews";
import { recordAudit } from "../audit";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { queueInvitationEmail } from "../email/queue-invitation";
import { newId } from "../ids";
import { newInvitationToken } from "../invitation-token";
import { consumeInvitationQuota } from "../rate-limit/invitations";
import { getInterview } from "./get";
import { assertValidExpiry, INVITATION_TTL_MS, invitationUrlFor } from "./invitation-link";
import { resolveReferences, snapshotOf } from "./references";

/**
 * Creates an interview with its frozen configuration and invitation link. With sendInvite
 * the invitation e-mail is queued in the same transaction (after the organisation's hourly
 * quota allows it); without, the interview is a DRAFT whose link works all the same.
 */
export async function createInterview(db: Db, ctx: Ctx, input: CreateInterviewInput): Promise<InterviewWithLink> {
  const now = new Date();
  assertValidExpiry(input.expiresAt, now);
  const id = newId("interview");
  const { token, hash } = newInvitationToken();
  const invitationUrl = invitationUrlFor(token);

  await db.transaction(async (tx) => {
    const { config } = await resolveReferences(tx, ctx, input);
    // Inside the transaction: a request refused for any reason does not spend the quota.
    if (input.sendInvite) await consumeInvitationQuota(tx, ctx);
    await tx.insert(interviews).values({
      id,
      organizationId: ctx.organizationId,
      candidateId: input.candidateId,
      jobId: input.jobId,
      campaignId: input.campaignId,
      stageId: input.stageId,
      configId: config.id,
      configSnapshot: snapshotOf(config),
      status: input.sendInvite ? "INVITED" : "DRAFT",
      invitationTokenHash: hash,
      expiresAt: input.expiresAt ?? new Date(now.getTime() + INVITATION_TTL_MS),
      invitedAt: input.sendInvite ? now : null,
      roomName: `interview-${id}`,
    });
    if (input.sendInvite) await queueInvitationEmail(tx, ctx, { interviewId: id, invitationUrl });
    await recordAudit(tx, ctx, {
      action: "interview.created",
      targetType: "interview",
      targetId: id,
      data: { sendInvite: input.sendInvite, configId: config.id, configVersion: config.version },
    });
  });
  return interviewWithLinkSchema.parse({ ...(await getInterview(db, ctx, id)), invitationUrl });
}
