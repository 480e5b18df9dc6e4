import { and, eq } from "drizzle-orm";
import { organizations } from "@/db/organizations";
import { webhookEndpoints } from "@/db/webhook-endpoints";
import { createdWebhookEndpointSchema, type CreateWebhookBody } from "@/lib/api/schemas/webhooks";
import { inOrg } from "@/lib/db/in-org";
import { recordAudit } from "../audit";
import type { Ctx } from "../context";
import type { Db } from "../db/types";
import { conflict, invalidField, notFound } from "../errors";
import { newestFirstPage } from "../db/newest-first";
import type { Page } from "@/lib/api/schemas/common";
import { isId, newId } from "../ids";
import { assertPublicDestination, privateUrlsAllowed, UnsafeDestinationError } from "./address-guard";
import { WEBHOOK_EVENT_TYPES } from "./events";
import { newWebhookSecret } from "./secret";
import { serializeWebhookEndpoint } from "./serialize";

// Each event fans out to every endpoint in one transaction; a bound keeps that small.
export const MAX_ENDPOINTS_PER_ORGANIZATION = 20;

/** https only, no credentials in the URL, public addresses only (unless allowed for development). */
async function checkEndpointUrl(raw: string): Promise<string> {
  const url = new URL(raw);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && privateUrlsAllowed())) throw invalidField("url", "must be an https:// URL");
  if (url.username || url.password) throw invalidField("url", "must not contain a user name or password");
  try {
    await assertPublicDestination(url);
  } catch (err) {
    if (err instanceof UnsafeDestinationError) throw invalidField("url", err.message);
    throw err;
  }
  url.hash = "";
  return url.toString();
}

/**
 * Registers an endpoint. The signing secret is returned here and only here: later reads
 * leave it out, so it is not exposed to every holder of a key that can list endpoints.
 */
export async function createWebhookEndpoint(db: Db, ctx: Ctx, input: CreateWebhookBody) {
  // Resolving the host is network I/O: done before the transaction.
  const url = await checkEndpointUrl(input.url);
  return db.transaction(async (tx) => {
    // Registrations of one organisation queue on its row, so the count below is still true when
    // the insert commits (count-then-insert alone let concurrent requests pass the limit).
    // NO KEY UPDATE does not wait for the key-share locks other tables' inserts take on it.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, ctx.organizationId)).for("no key update");
    const count = await tx.$count(webhookEndpoints, inOrg(webhookEndpoints, ctx));
    if (count >= MAX_ENDPOINTS_PER_ORGANIZATION) throw conflict(`An organisation can register at most ${MAX_ENDPOINTS_PER_ORGANIZATION} webhook endpoints; delete one first.`);
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        id: newId("webhookEndpoint"),
        organizationId: ctx.organizationId,
        url,
        secret: newWebhookSecret(),
        eventTypes: input.eventTypes ?? [...WEBHOOK_EVENT_TYPES],
      })
      .returning();
    await recordAudit(tx, ctx, { action: "webhook_endpoint.created", targetType: "webhook_endpoint", targetId: endpoint!.id, data: { url, eventTypes: endpoint!.eventTypes } });
    return createdWebhookEndpointSchema.parse({ ...serializeWebhookEndpoint(endpoint!), secret: endpoint!.secret });
  });
}

/** Newest first, id breaking ties. */
export async function listWebhookEndpoints(db: Db, ctx: Ctx, page: Page) {
  const { rows, total } = await newestFirstPage(db, webhookEndpoints, inOrg(webhookEndpoints, ctx), page);
  return { items: rows.map(serializeWebhookEndpoint), total };
}

/** Deletes the endpoint with its pending deliveries: nothing more is sent to it. */
export async function deleteWebhookEndpoint(db: Db, ctx: Ctx, id: string): Promise<void> {
  if (!isId("webhookEndpoint", id)) throw notFound("Webhook endpoint");
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, id), inOrg(webhookEndpoints, ctx)))
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!deleted.length) throw notFound("Webhook endpoint");
    await recordAudit(tx, ctx, { action: "webhook_endpoint.deleted", targetType: "webhook_endpoint", targetId: id, data: { url: deleted[0]!.url } });
  });
}
