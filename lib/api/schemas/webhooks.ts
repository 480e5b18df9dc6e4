import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { idOf, nullableTimestamp, timestamp } from "./common";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const createWebhookBody = z.object({
  url: z
    .url()
    .max(2048)
    .describe("HTTPS URL that receives the events; it must resolve to public addresses only")
    .meta({ example: "https://ats.example.com/hooks/parley" }),
  eventTypes: z
    .array(webhookEventTypeSchema)
    .min(1)
    .transform((types) => [...new Set(types)])
    .optional()
    .describe("Events to send; all of them when omitted")
    .meta({ example: ["report.ready", "interview.completed"] }),
});

export type CreateWebhookBody = z.output<typeof createWebhookBody>;

export const webhookEndpointSchema = z.object({
  id: idOf("webhookEndpoint", "whe_5tQ9mK2xLp7vR3nB8cW1zY"),
  url: z.string(),
  eventTypes: z.array(webhookEventTypeSchema),
  disabledAt: nullableTimestamp.describe("Set when Parley stopped delivering to the endpoint (it answered 410 Gone)"),
  disabledReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const createdWebhookEndpointSchema = webhookEndpointSchema.extend({
  secret: z
    .string()
    .describe("Standard Webhooks signing secret; shown only in this response")
    .meta({ example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }),
});

export type WebhookEndpointResource = z.infer<typeof webhookEndpointSchema>;
export type CreatedWebhookEndpointResource = z.infer<typeof createdWebhookEndpointSchema>;
