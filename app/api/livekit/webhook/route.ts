import { getDb } from "@/lib/db/client";
import { readTextBody } from "@/lib/http/body";
import { json } from "@/lib/http/json";
import { operationRoute } from "@/lib/http/route";
import * as op from "@/lib/livekit/operations";
import { handleLiveKitWebhook, verifyLiveKitWebhook } from "@/lib/livekit/webhook";

export const dynamic = "force-dynamic";

// The signature covers the raw body: it is read as text and checked before anything parses it.
export const POST = operationRoute(op.receiveLiveKitWebhook, async (req) => {
  const event = await verifyLiveKitWebhook(await readTextBody(req), req.headers.get("authorization"));
  return json(await handleLiveKitWebhook(await getDb(), event));
});
