import type { WebhookEndpoint } from "@/db/webhook-endpoints";
import { iso } from "@/lib/api/schemas/common";
import { type WebhookEndpointResource, webhookEndpointSchema } from "@/lib/api/schemas/webhooks";

/** The endpoint as the API shows it; parsed so the secret (or any other column) cannot leak. */
export function serializeWebhookEndpoint(endpoint: WebhookEndpoint): WebhookEndpointResource {
  return webhookEndpointSchema.parse({
    id: endpoint.id,
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    disabledAt: iso(endpoint.disabledAt),
    disabledReason: endpoint.disabledReason,
    createdAt: iso(endpoint.createdAt),
    updatedAt: iso(endpoint.updatedAt),
  });
}
