import { and, asc, inArray, lte, sql } from "drizzle-orm";
import { interviews } from "@/db/interviews";
import { recordAudit } from "../audit";
import { systemCtx } from "../context";
import type { Db } from "../db/types";
import { withdrawQueuedEmails } from "../email/withdraw";
import { emitWebhookEvent } from "../webhooks/emit";

const BATCH = 200;

/**
 * Persists what every read already shows: a DRAFT or INVITED interview past its expiry is
 * EXPIRED. One transaction per batch keeps locks short; SKIP LOCKED lets two processes sweep
 * at once, and an interview being cancelled or started right now is left to that change.
 * Returns how many interviews expired.
 */
export async function expireOverdueInterviews(db: Db, batchSize = BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: interviews.id, organizationId: interviews.organizationId, expiresAt: interviews.expiresAt })
        .from(interviews)
        .where(and(inArray(interviews.status, ["DRAFT", "INVITED"]), lte(interviews.expiresAt, sql`now()`)))
        .orderBy(asc(interviews.expiresAt))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (!rows.length) return 0;
      await tx.update(interviews).set({ status: "EXPIRED" }).where(inArray(interviews.id, rows.map((r) => r.id)));
      for (const row of rows) {
        const ctx = systemCtx(row.organizationId, "expiry-sweep");
        await withdrawQueuedEmails(tx, row.organizationId, [row.id], "Not sent: the invitation expired first.");
        await recordAudit(tx, ctx, { action: "interview.expired", targetType: "interview", targetId: row.id });
        await emitWebhookEvent(tx, {
          organizationId: row.organizationId,
          type: "interview.expired",
          data: { interviewId: row.id, status: "EXPIRED", expiresAt: row.expiresAt.toISOString() },
        });
      }
      return rows.length;
    });
    total += expired;
    if (expired < batchSize) return total;
  }
}
