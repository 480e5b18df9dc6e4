import { eq } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import type { InterviewOut } from "@/lib/api/schemas/interviews";
import { recordAudit } from "../audit";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { withdrawQueuedEmails } from "../email/withdraw";
import { invalidState } from "../errors";
import { emitWebhookEvent } from "../webhooks/emit";
import { getInterview } from "./get";
import { lockInterviewForUpdate } from "./lock";
import { effectiveStatus } from "./status";

/**
 * Cancels a DRAFT, INVITED or IN_PROGRESS interview; its link stops working and an invitation
 * still waiting in the outbox is withdrawn. Cancelling twice answers the same interview.
 */
export async function cancelInterview(db: Db, ctx: Ctx, id: string): Promise<InterviewOut> {
  await db.transaction(async (tx) => {
    const row = await lockInterviewForUpdate(tx, ctx, id);
    const status = effectiveStatus(row);
    if (status === "CANCELLED") return;
    if (status === "COMPLETED" || status === "EXPIRED") throw invalidState(`This interview is ${status} and can no longer be cancelled.`);
    const cancelledAt = new Date();
    const withdrawn = await withdrawQueuedEmails(tx, ctx.organizationId, [id], "Not sent: the interview was cancelled.");
    await tx
      .update(interviews)
      .set({
        status: "CANCELLED",
        cancelledAt,
        ...(withdrawn && row.invitationEmailStatus === "QUEUED"
          ? { invitationEmailStatus: "FAILED" as const, invitationEmailError: "Not sent: the interview was cancelled." }
          : {}),
      })
      .where(eq(interviews.id, id));
    await recordAudit(tx, ctx, { action: "interview.cancelled", targetType: "interview", targetId: id, data: { previousStatus: status } });
    await emitWebhookEvent(tx, {
      organizationId: ctx.organizationId,
      type: "interview.cancelled",
      data: { interviewId: id, status: "CANCELLED", previousStatus: status, cancelledAt: cancelledAt.toISOString() },
    });
  });
  return getInterview(db, ctx, id);
}
