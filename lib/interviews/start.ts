import { and, eq, sql } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import { recordAudit } from "../audit";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { emitWebhookEvent } from "../webhooks/emit";
import type { LockedInterview } from "./lock";
import { inOrg } from "@/lib/db/in-org";

/**
 * DRAFT or INVITED → IN_PROGRESS: the start time, the `interview.started` webhook and the audit
 * row, in the caller's transaction. One rule for every way an interview starts (its first turn,
 * the candidate entering the voice room): the caller holds lockInterviewForTurns, so two
 * starters queue and the second finds it started. Returns whether this call started it.
 */
export async function startInterviewIfNotStarted(tx: Db, ctx: Ctx, interview: Pick<LockedInterview, "id" | "status">): Promise<boolean> {
  if (interview.status !== "DRAFT" && interview.status !== "INVITED") return false;
  const [started] = await tx
    .update(interviews)
    .set({ status: "IN_PROGRESS", startedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(interviews.id, interview.id), inOrg(interviews, ctx)))
    .returning({ startedAt: interviews.startedAt });
  await emitWebhookEvent(tx, {
    organizationId: ctx.organizationId,
    type: "interview.started",
    data: { interviewId: interview.id, status: "IN_PROGRESS", startedAt: started!.startedAt!.toISOString() },
  });
  await recordAudit(tx, ctx, { action: "interview.started", targetType: "interview", targetId: interview.id });
  return true;
}
