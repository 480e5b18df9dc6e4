import { idParams, listEnvelope, paginationQuery } from "@/lib/api/schemas/common";
import { createdWebhookEndpointSchema, createWebhookBody, webhookEndpointSchema } from "@/lib/api/schemas/webhooks";
import { defineOperation } from "@/lib/openapi/operation";

// The webhook endpoints: served by app/api/v1/webhooks/** and described by the OpenAPI
// document from these same objects. Details: docs/webhooks.md.
const tag = "Webhooks";

export const createWebhookEndpoint = defineOperation({
  method: "post",
  path: "/api/v1/webhooks",
  operationId: "createWebhookEndpoint",
  summary: "Register a webhook endpoint",
  description:
    "The URL must be https and resolve to public addresses only (a 422 naming `url` otherwise). `eventTypes` defaults to every event. The answer holds the `whsec_…` signing secret, shown only here. Messages are signed as Standard Webhooks specifies.",
  tag,
  scope: "webhooks:write",
  body: createWebhookBody,
  bodyExample: { url: "https://ats.example.com/hooks/parley", eventTypes: ["report.ready", "interview.completed"] },
  responses: { 201: { description: "Registered; the secret is not shown again.", schema: createdWebhookEndpointSchema } },
  errors: [409],
});

export const listWebhookEndpoints = defineOperation({
  method: "get",
  path: "/api/v1/webhooks",
  operationId: "listWebhookEndpoints",
  summary: "List webhook endpoints",
  description: "Newest first (createdAt, then id). Secrets are not included.",
  tag,
  scope: "webhooks:write",
  query: paginationQuery,
  responses: { 200: { description: "A page of endpoints, with a Link header.", schema: listEnvelope(webhookEndpointSchema) } },
});

export const deleteWebhookEndpoint = defineOperation({
  method: "delete",
  path: "/api/v1/webhooks/{id}",
  operationId: "deleteWebhookEndpoint",
  summary: "Delete a webhook endpoint",
  description: "Its pending deliveries are deleted with it; nothing more is sent to it.",
  tag,
  scope: "webhooks:write",
  params: idParams("webhookEndpoint"),
  resource: "Webhook endpoint",
  responses: { 204: { description: "Deleted." } },
});
