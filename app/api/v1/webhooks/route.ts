import { createWebhookBody } from "@/lib/api/schemas/webhooks";
import { json } from "@/lib/http/json";
import { paginated, paginationQuery } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";

export const POST = v1Route({ scope: "webhooks:write", body: createWebhookBody }, async ({ db, ctx, body }) => {
  const endpoint = await createWebhookEndpoint(db, ctx, body);
  return json(endpoint, { status: 201 });
});

export const GET = v1Route({ scope: "webhooks:write", query: paginationQuery }, async ({ req, db, ctx, query }) => {
  const { items, total } = await listWebhookEndpoints(db, ctx, query);
  return paginated(req, items, total, query);
});
