import { eq } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import { type InterviewWithLink, interviewWithLinkSchema, type ResendInvitationInput } from "@/lib/api/schemas/interviews";
import { recordAudit } from "../audit";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { queueInvitationEmail } from "../email/queue-invitation";
import { invalidState } from "../errors";
import { newInvitationToken } from "../invitation-token";
import { consumeInvitationQuota } from "../rate-limit/invitations";
import { lockInterviewForUpdate } from "./lock";
import { getInterview } from "./get";
import { assertValidExpiry, invitationUrlFor } from "./invitation-link";
import { effectiveStatus } from "./status";

/**
 * Sends the invitation again. Only the link's hash is stored, so the old link cannot be
 * re-sent: a new one is minted and the old one stops working. DRAFT becomes INVITED; an
 * EXPIRED invitation is renewed when a new expiresAt is given.
 */
export async function resendInvitation(
  db: Db,
  ctx: Ctx,
  id: string,
  input: ResendInvitationInput,
): Promise<InterviewWithLink> {
  const now = new Date();
  assertValidExpiry(input.expiresAt, now);
  const { token, hash } = newInvitationToken();
  const invitationUrl = invitationUrlFor(token);

  await db.transaction(async (tx) => {
    const row = await lockInterviewForUpdate(tx, ctx, id);
    const status = effectiveStatus(row, now);
    if (status === "IN_PROGRESS" || status === "COMPLETED" || status === "CANCELLED") {
      throw invalidState(`This interview is ${status}: there is no invitation to send.`);
    }
    if (status === "EXPIRED" && !input.expiresAt) {
      throw invalidState("This invitation has expired: send a new expiresAt to renew it.");
    }
    await consumeInvitationQuota(tx, ctx);
    await tx
      .update(interviews)
      .set({ status: "INVITED", invitationTokenHash: hash, invitedAt: now, expiresAt: input.expiresAt ?? row.expiresAt })
      .where(eq(interviews.id, id));
    await queueInvitationEmail(tx, ctx, { interviewId: id, invitationUrl });
    await recordAudit(tx, ctx, {
      action: "interview.invitation_resent",
      targetType: "interview",
      targetId: id,
      data: { previousStatus: status, renewed: status === "EXPIRED", expiresAt: (input.expiresAt ?? row.expiresAt).toISOString() },
    });
  });
  return interviewWithLinkSchema.parse({ ...(await getInterview(db, ctx, id)), invitationUrl });
}
