import { json } from "@/lib/http/json";
import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import * as op from "@/lib/webhooks/operations";

export const POST = v1Route(op.createWebhookEndpoint, async ({ db, ctx, body }) => {
  const endpoint = await createWebhookEndpoint(db, ctx, body);
  return json(endpoint, { status: 201 });
});

export const GET = v1Route(op.listWebhookEndpoints, async ({ req, db, ctx, query }) => {
  const { items, total } = await listWebhookEndpoints(db, ctx, query);
  return paginated(req, items, total, query);
});
