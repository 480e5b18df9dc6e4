import { interviewIdParams } from "@/lib/api/schemas/agent";
import { defineOperation } from "@/lib/openapi/operation";

// The console's live transcript: served by app/api/interviews/[id]/events through consoleRoute
// and described, as an internal operation, by the OpenAPI document from this same object.

export const streamTurns = defineOperation({
  method: "get",
  path: "/api/interviews/{id}/events",
  operationId: "streamTurns",
  summary: "Follow the transcript live (Server-Sent Events)",
  description:
    "Every turn so far, then each turn as it is written or updated, as `turn` events whose id is the turn's event id. After a reconnect, `Last-Event-ID` resumes after the last event received; a comment every 15 s keeps the stream open.",
  tag: "Console (internal)",
  auth: "session",
  params: interviewIdParams,
  resource: "Interview",
  responses: { 200: { description: "An event stream of the interview's turns.", contentType: "text/event-stream" } },
});
