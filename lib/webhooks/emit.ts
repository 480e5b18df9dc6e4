import { and, arrayContains, isNull } from "drizzle-orm";
import { webhookDeliveries } from "@/db/webhook-deliveries";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "../db/types";
import { newId } from "../ids";
import { enqueue } from "../queue/define";
import { deliverWebhookJob } from "./deliver";
import type { WebhookEventType } from "./events";

/**
 * Tells the organisation's subscribed endpoints that something happened. Call it inside the
 * transaction of the change itself: a delivery row and its job exist exactly when the change
 * does. Payloads are thin (ids, status, timestamps); integrators read details with their key.
 */
export async function emitWebhookEvent(
  db: Db,
  event: { organizationId: string; type: WebhookEventType; data: Record<string, unknown> },
): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        inOrg(webhookEndpoints, event),
        isNull(webhookEndpoints.disabledAt),
        arrayContains(webhookEndpoints.eventTypes, [event.type]),
      ),
    );
  const timestamp = new Date().toISOString();
  for (const endpoint of endpoints) {
    const deliveryId = newId("webhookDelivery");
    await db.insert(webhookDeliveries).values({
      id: deliveryId,
      organizationId: event.organizationId,
      endpointId: endpoint.id,
      messageId: newId("webhookMessage"),
      eventType: event.type,
      payload: { type: event.type, timestamp, data: event.data },
    });
    await enqueue(db, deliverWebhookJob, { deliveryId, attempt: 1 }, { organizationId: event.organizationId });
  }
  return endpoints.length;
}
