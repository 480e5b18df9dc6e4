import { and, eq, isNull, sql } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import { recordAudit } from "../audit";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { emitWebhookEvent } from "../webhooks/emit";

/**
 * Flags that the candidate asked for a person (or to stop): recruiters see it on the interview,
 * integrators get `interview.human_requested`. Call it in the transaction that ends the
 * interview (finalize does, for the written interview and for the voice agent alike). Once
 * only: a second call changes nothing and emits nothing.
 */
export async function flagHumanRequested(tx: Db, ctx: Ctx, interviewId: string): Promise<void> {
  const [flagged] = await tx
    .update(interviews)
    .set({ humanRequestedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(interviews.id, interviewId), eq(interviews.organizationId, ctx.organizationId), isNull(interviews.humanRequestedAt)))
    .returning({ at: interviews.humanRequestedAt });
  if (!flagged) return;
  await emitWebhookEvent(tx, {
    organizationId: ctx.organizationId,
    type: "interview.human_requested",
    data: { interviewId, humanRequestedAt: flagged.at!.toISOString() },
  });
  await recordAudit(tx, ctx, { action: "interview.human_requested", targetType: "interview", targetId: interviewId });
}
