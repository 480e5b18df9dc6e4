import { idParams } from "@/lib/api/schemas/common";
import { v1Route } from "@/lib/http/v1-route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";

export const DELETE = v1Route({ scope: "webhooks:write", resource: "Webhook endpoint", params: idParams("webhookEndpoint") }, async ({ db, ctx, params }) => {
  await deleteWebhookEndpoint(db, ctx, params.id);
  return new Response(null, { status: 204 });
});
