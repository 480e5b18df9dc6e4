import { conversationResult, joinBody, joinResult, messageBody, messageResult, tokenParams } from "@/lib/api/schemas/invite";
import { defineOperation } from "@/lib/openapi/operation";

// The candidate's endpoints, served by app/api/invite/[token]/** through inviteRoute and
// described, as internal operations, from these same objects. Details: docs/candidate-api.md.
const tag = "Candidate (internal)";
const resource = "Invitation";

export const joinInterview = defineOperation({
  method: "post",
  path: "/api/invite/{token}/join",
  operationId: "joinInterview",
  summary: "Consent and join the interview",
  description:
    "Records the candidate's consent (appended, never changed) and joins: `voice` answers the LiveKit room's connection details (503 `voice_unavailable` without LiveKit), `text` the written interview's turns so far, starting it with the interviewer's opening turns. A `noticeVersion` other than the current notice's is a 422 naming it. A rejoin writes nothing new unless the interviewer had a reply pending.",
  tag,
  auth: "invitation",
  params: tokenParams,
  resource,
  body: joinBody,
  bodyExample: { consent: true, mode: "text", noticeVersion: "3f9a1c0b7e2d4a55" },
  responses: { 200: { description: "Joined.", schema: joinResult } },
  errors: [409, 503],
});

export const sendMessage = defineOperation({
  method: "post",
  path: "/api/invite/{token}/messages",
  operationId: "sendInterviewMessage",
  summary: "Send a written answer",
  description:
    "Records the candidate's message and answers it with the interviewer's reply. The same `clientMessageId` again answers the same and writes nothing; another message while a reply is being produced is a 409 `reply_in_progress`. Before the text join: 409 `invalid_state`.",
  tag,
  auth: "invitation",
  params: tokenParams,
  resource,
  body: messageBody,
  bodyExample: { clientMessageId: "m-1f7c2a", content: "I led the migration of our billing system to event sourcing." },
  responses: { 200: { description: "The candidate's turn, then the interviewer's reply turns.", schema: messageResult } },
  errors: [409],
});

export const getConversation = defineOperation({
  method: "get",
  path: "/api/invite/{token}/conversation",
  operationId: "getInterviewConversation",
  summary: "Read the written conversation",
  description: "Every turn so far, progress and time, so a reloaded page resumes where it was.",
  tag,
  auth: "invitation",
  params: tokenParams,
  resource,
  responses: { 200: { description: "The conversation.", schema: conversationResult } },
});
