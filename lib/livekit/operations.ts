import { z } from "zod";
import { defineOperation } from "@/lib/openapi/operation";

// LiveKit's webhooks: served by app/api/livekit/webhook, described here for the reference.

export const receiveLiveKitWebhook = defineOperation({
  method: "post",
  path: "/api/livekit/webhook",
  operationId: "receiveLiveKitWebhook",
  summary: "Receive a LiveKit webhook",
  description:
    "Configure this URL in LiveKit (Cloud: Settings → Webhooks) with the API key Parley uses. The body is LiveKit's `WebhookEvent` JSON, " +
    "signed by the `Authorization` header (a JWT from that key whose `sha256` claim is the body's digest; a leading `Bearer ` is accepted). " +
    "Used: `participant_joined` (the candidate starts the interview), `participant_left` and `room_finished` (the interrupted check after " +
    "the grace period), `egress_ended` (the recording's location as audioUrl when the agent gave none); the others are acknowledged and ignored. " +
    "An event already received (same id) answers 200 and changes nothing.",
  tag: "LiveKit (internal)",
  auth: "livekitWebhook",
  responses: {
    200: {
      description: "Received: applied, ignored (not an interview's room, or an event Parley does not use) or a replay.",
      schema: z.object({ event: z.string(), handled: z.enum(["applied", "replay", "ignored"]) }),
      example: { event: "participant_joined", handled: "applied" },
    },
  },
});
