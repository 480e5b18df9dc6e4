import { createTurnBody, finalizeBody, finalizeResult, history, interviewIdParams, turn, turnParams, updateTurnBody } from "@/lib/api/schemas/agent";
import { defineOperation } from "@/lib/openapi/operation";

// The voice agent's endpoints: served by app/api/interviews/[id]/** through agentRoute and
// described, as internal operations, by the OpenAPI document from these same objects.
// Details: docs/agent-api.md.
const tag = "Voice agent (internal)";
const resource = "Interview";

export const recordTurn = defineOperation({
  method: "post",
  path: "/api/interviews/{id}/turns",
  operationId: "recordTurn",
  summary: "Record a turn of the interview",
  description:
    "The first turn starts a DRAFT or INVITED interview. The same `turnNumber` sent again with the same payload is a retry: 200 with the stored turn, nothing written. Other content under a stored number, or an interview that is over, is a 409.",
  tag,
  auth: "agent",
  params: interviewIdParams,
  resource,
  body: createTurnBody,
  bodyExample: { turnNumber: 3, role: "candidate", content: "I led the migration of our billing system to event sourcing.", evaluation: { criteria: { experience: 4 } } },
  responses: {
    201: { description: "Recorded.", schema: turn },
    200: { description: "A retry of a stored turn: the stored turn.", schema: turn },
  },
  errors: [409],
});

export const updateTurn = defineOperation({
  method: "patch",
  path: "/api/interviews/{id}/turns/{turnNumber}",
  operationId: "updateTurn",
  summary: "Correct a recorded turn",
  description: "Send at least one of `content`, `audioUrl`, `evaluation`, `isPendingQuestion`. An interview that is over is a 409.",
  tag,
  auth: "agent",
  params: turnParams,
  resource: "Turn",
  body: updateTurnBody,
  bodyExample: { content: "I led the migration of our billing system; I wrote the replay tooling myself.", isPendingQuestion: false },
  responses: { 200: { description: "The updated turn.", schema: turn } },
  errors: [409],
});

export const getAgentHistory = defineOperation({
  method: "get",
  path: "/api/interviews/{id}/history",
  operationId: "getAgentHistory",
  summary: "Read where the interview stands",
  description:
    "What a starting or restarted agent reads first: the configuration snapshot, every turn, the next turn number, the pending question and the questions already asked.",
  tag,
  auth: "agent",
  params: interviewIdParams,
  resource,
  responses: { 200: { description: "The interview's history.", schema: history } },
});

export const finalizeInterview = defineOperation({
  method: "post",
  path: "/api/interviews/{id}/finalize",
  operationId: "finalizeInterview",
  summary: "Finish the interview and queue its report",
  description:
    "Sets COMPLETED and, unless `generateReport` is false, creates the report and its job. `humanRequested: true` also flags that the candidate asked for a person (webhook `interview.human_requested`). A second finalize returns the first one's result. DRAFT, INVITED, CANCELLED or EXPIRED: 409.",
  tag,
  auth: "agent",
  params: interviewIdParams,
  resource,
  body: finalizeBody,
  bodyExample: { endedAt: "2026-11-28T10:02:00Z", generateReport: true },
  responses: { 200: { description: "The finalized interview.", schema: finalizeResult } },
  errors: [409],
});
