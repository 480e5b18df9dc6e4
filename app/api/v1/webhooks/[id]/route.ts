import { v1Route } from "@/lib/http/v1-route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";
import * as op from "@/lib/webhooks/operations";

export const DELETE = v1Route(op.deleteWebhookEndpoint, async ({ db, ctx, params }) => {
  await deleteWebhookEndpoint(db, ctx, params.id);
  return new Response(null, { status: 204 });
});
