import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { webhookAttempts, webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import type { Db } from "../db/types";
import { isId, newId } from "../ids";
import { enqueueJob } from "../queue/enqueue";
import { PermanentJobError, type JobHandler } from "../queue/types";
import { signWebhook } from "./secret";
import { postWebhook, type SendResult } from "./send";

export const WEBHOOK_JOB_KIND = "webhook.deliver";

/**
 * Wait before attempt n+1 after attempt n failed (the Standard Webhooks / Svix schedule):
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. Eight attempts over about 27.6 hours, so a
 * receiver that is down for a day still gets the message. Each attempt is its own job, queued
 * with its run_at, so the schedule does not depend on the queue's generic backoff (which
 * remains for crashes: a job whose process died is run again).
 */
export const RETRY_SCHEDULE_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 5 * 3600_000, 10 * 3600_000, 10 * 3600_000];
export const MAX_DELIVERY_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;

export type DeliveryOutcome = "DELIVERED" | "RETRY" | "FAILED" | "ENDPOINT_DISABLED" | "SKIPPED";

const USER_AGENT = "Parley-Webhooks/1";

/**
 * Makes one attempt at a PENDING delivery: sign, POST (outside any transaction), then record
 * the attempt, the delivery's state and what comes next in one transaction. 2xx delivers;
 * 410 Gone disables the endpoint for good; anything else is retried on the schedule above
 * until the last attempt fails the delivery.
 */
export async function attemptDelivery(
  db: Db,
  target: { deliveryId: string; organizationId: string | null },
  signal?: AbortSignal,
): Promise<DeliveryOutcome> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.id, webhookDeliveries.endpointId), eq(webhookEndpoints.organizationId, webhookDeliveries.organizationId)))
    .where(
      and(
        eq(webhookDeliveries.id, target.deliveryId),
        target.organizationId ? eq(webhookDeliveries.organizationId, target.organizationId) : undefined,
      ),
    );
  if (!row || row.delivery.status !== "PENDING") return "SKIPPED";
  const { delivery, endpoint } = row;
  const stillThisAttempt = and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, "PENDING"), eq(webhookDeliveries.attempts, delivery.attempts));

  if (endpoint.disabledAt) {
    await db
      .update(webhookDeliveries)
      .set({ status: "FAILED", lastError: `Endpoint disabled: ${endpoint.disabledReason ?? "no reason given"}` })
      .where(stillThisAttempt);
    return "SKIPPED";
  }

  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const result: SendResult = await postWebhook(
    endpoint.url,
    {
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      "webhook-id": delivery.messageId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signWebhook(endpoint.secret, delivery.messageId, timestamp, body),
    },
    body,
    { signal },
  );

  const attempt = delivery.attempts + 1;
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const gone = result.statusCode === 410;
  const error = ok ? null : (result.error ?? `HTTP ${result.statusCode}`);
  const outcome: DeliveryOutcome = ok ? "DELIVERED" : gone ? "ENDPOINT_DISABLED" : attempt >= MAX_DELIVERY_ATTEMPTS ? "FAILED" : "RETRY";

  await db.transaction(async (tx) => {
    const updated = await tx
      .update(webhookDeliveries)
      .set({
        attempts: attempt,
        lastStatusCode: result.statusCode,
        lastError: error,
        status: outcome === "DELIVERED" ? "DELIVERED" : outcome === "RETRY" ? "PENDING" : "FAILED",
        deliveredAt: ok ? new Date() : null,
      })
      .where(stillThisAttempt)
      .returning({ id: webhookDeliveries.id });
    // Another run recorded this attempt already (a re-claimed job): keep its record.
    if (!updated.length) return;
    await tx.insert(webhookAttempts).values({ id: newId("webhookAttempt"), deliveryId: delivery.id, statusCode: result.statusCode, error, durationMs: result.durationMs });
    if (gone) {
      await tx
        .update(webhookEndpoints)
        .set({ disabledAt: new Date(), disabledReason: `The endpoint answered 410 Gone on ${new Date().toISOString()}.` })
        .where(eq(webhookEndpoints.id, endpoint.id));
    }
    if (outcome === "RETRY") {
      await enqueueJob(tx, {
        kind: WEBHOOK_JOB_KIND,
        payload: { deliveryId: delivery.id },
        organizationId: delivery.organizationId,
        runAt: new Date(Date.now() + RETRY_SCHEDULE_MS[attempt - 1]!),
        maxAttempts: 3,
        dedupeKey: `${WEBHOOK_JOB_KIND}:${delivery.id}:${attempt + 1}`,
      });
    }
  });
  return outcome;
}

const payloadSchema = z.object({ deliveryId: z.string().refine((v) => isId("webhookDelivery", v)) });

/** "webhook.deliver" {deliveryId}: one attempt; a failed one queues the next itself. */
export const webhookDeliverHandler: JobHandler = async (db, job) => {
  const payload = payloadSchema.safeParse(job.payload);
  if (!payload.success) throw new PermanentJobError("webhook.deliver needs {deliveryId}");
  await attemptDelivery(db, { deliveryId: payload.data.deliveryId, organizationId: job.organizationId }, job.signal);
};
