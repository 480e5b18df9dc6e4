import { index, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, ts, updatedAt } from "./columns";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";
import { webhookEndpoints } from "./webhook-endpoints";

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["PENDING", "DELIVERED", "FAILED"]);

// One message to one endpoint; its HTTP attempts are in webhook_attempts.
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id").notNull(),
    // The webhook-id header: stable across retries so receivers can de-duplicate.
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus("status").notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: ts("delivered_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    sameOrgReference("webhook_deliveries_endpoint_id_fk", t, t.endpointId, webhookEndpoints).onDelete("cascade"),
    // Console: an endpoint's recent deliveries, newest first, read backwards (see
    // candidates_org_created_idx).
    index("webhook_deliveries_endpoint_created_idx").on(t.endpointId, t.createdAt, t.id),
  ],
);

export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: text("id").primaryKey(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    attemptedAt: createdAt(),
  },
  (t) => [
    // A delivery's attempts in order.
    index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
