import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { webhookAttempts, webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "../db/types";
import { isId, newId } from "../ids";
import { defineJob, enqueue } from "../queue/define";
import { signWebhook } from "./secret";
import { postWebhook, type SendResult } from "./send";

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
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.id, webhookDeliveries.endpointId), inOrg(webhookEndpoints, webhookDeliveries)))
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
      await enqueue(
        tx,
        deliverWebhookJob,
        { deliveryId: delivery.id, attempt: attempt + 1 },
        { organizationId: delivery.organizationId, runAt: new Date(Date.now() + RETRY_SCHEDULE_MS[attempt - 1]!) },
      );
    }
  });
  return outcome;
}

/**
 * One delivery attempt per job: `attempt` is the delivery's attempt number the job makes (its
 * dedupe key, so an attempt is queued once), and a failed attempt queues the next one itself,
 * on RETRY_SCHEDULE_MS. The job's own maxAttempts is the queue's, for crashes only: a job fails
 * when its handler throws (the database is unreachable) or its process dies, not when the
 * receiver does; eight attempts ride out about 10–20 minutes of that (docs/webhooks.md).
 */
export const deliverWebhookJob = defineJob({
  kind: "webhook.deliver",
  payload: z.object({
    deliveryId: z.string().refine((v) => isId("webhookDelivery", v), "must be a webhook delivery id"),
    // Jobs queued before the attempt was part of the payload carry only the delivery id.
    attempt: z.number().int().min(1).max(MAX_DELIVERY_ATTEMPTS).default(1),
  }),
  maxAttempts: 8,
  dedupe: ({ deliveryId, attempt }) => `webhook.deliver:${deliveryId}:${attempt}`,
  run: async (db, { deliveryId }, job) => void (await attemptDelivery(db, { deliveryId, organizationId: job.organizationId }, job.signal)),
});
