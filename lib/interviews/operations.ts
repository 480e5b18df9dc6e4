import { idParams } from "@/lib/api/schemas/common";
import { decisionSchema, recordDecisionBody } from "@/lib/api/schemas/decisions";
import {
  createInterviewBody,
  interviewListSchema,
  interviewSchema,
  interviewWithLinkSchema,
  listInterviewsQuery,
  resendInvitationBody,
} from "@/lib/api/schemas/interviews";
import { defineOperation } from "@/lib/openapi/operation";

// The interview endpoints: served by app/api/v1/interviews/** and described by the OpenAPI
// document from these same objects.
const tag = "Interviews";
const params = idParams("interview");
const resource = "Interview";

export const listInterviews = defineOperation({
  method: "get",
  path: "/api/v1/interviews",
  operationId: "listInterviews",
  summary: "List interviews",
  description:
    "Newest first (createdAt, then id). `status` matches the effective status: an overdue DRAFT or INVITED interview is EXPIRED. Items omit `evaluation` and `transcript`.",
  tag,
  scope: "interviews:read",
  query: listInterviewsQuery,
  responses: { 200: { description: "A page of interviews, with a Link header.", schema: interviewListSchema } },
});

export const createInterview = defineOperation({
  method: "post",
  path: "/api/v1/interviews",
  operationId: "createInterview",
  summary: "Create an interview and invite the candidate",
  description:
    "Snapshots the configuration (given, else the stage's, else the default). With sendInvite (default) the invitation e-mail is queued and counts against the hourly invitation quota. `invitationUrl` is returned only here and by resend-invitation.",
  tag,
  scope: "interviews:write",
  body: createInterviewBody,
  bodyExample: { candidateId: "cand_2Fh7kLp9Qw3Xz8Nm4Rt6Vb", jobId: "job_4Xq9bT2mK7pLr3VwZs8aHc", sendInvite: true },
  responses: { 201: { description: "Created.", schema: interviewWithLinkSchema, headers: { Location: "The interview's URL." } } },
});

export const getInterview = defineOperation({
  method: "get",
  path: "/api/v1/interviews/{id}",
  operationId: "getInterview",
  summary: "Retrieve an interview with its evaluation and transcript",
  tag,
  scope: "interviews:read",
  params,
  resource,
  responses: { 200: { description: "The interview.", schema: interviewSchema } },
});

export const cancelInterview = defineOperation({
  method: "post",
  path: "/api/v1/interviews/{id}/cancel",
  operationId: "cancelInterview",
  summary: "Cancel an interview",
  description: "From DRAFT, INVITED or IN_PROGRESS; the link stops working. Cancelling again answers 200 unchanged; COMPLETED or EXPIRED is a 409.",
  tag,
  scope: "interviews:write",
  params,
  resource,
  responses: { 200: { description: "The cancelled interview.", schema: interviewSchema } },
  errors: [409],
});

export const resendInvitation = defineOperation({
  method: "post",
  path: "/api/v1/interviews/{id}/resend-invitation",
  operationId: "resendInvitation",
  summary: "Send the invitation again, with a new link",
  description:
    "Only a hash of the link is stored, so a new link is minted and the old one stops working. DRAFT becomes INVITED; an EXPIRED invitation is renewed when `expiresAt` is given. IN_PROGRESS, COMPLETED, CANCELLED: 409.",
  tag,
  scope: "interviews:write",
  params,
  resource,
  body: resendInvitationBody,
  bodyExample: { expiresAt: "2026-12-12T18:00:00Z" },
  responses: { 200: { description: "The interview and its new link.", schema: interviewWithLinkSchema } },
  errors: [409],
});

export const recordDecision = defineOperation({
  method: "post",
  path: "/api/v1/interviews/{id}/decision",
  operationId: "recordDecision",
  summary: "Record the human decision on a completed interview",
  description:
    "A person's ADVANCE, REJECT or HOLD, whether it agrees with the report's recommendation, and a reason (required when it departs from it). Kept beside the report, never written into it; deciding again replaces the current decision and keeps the earlier ones in the audit log. Sends `interview.decision_recorded`. Before COMPLETED: 409. Without a READY report there is no recommendation to agree with, so `agreesWithRecommendation` must be false.",
  tag,
  scope: "interviews:write",
  params,
  resource,
  body: recordDecisionBody,
  bodyExample: { outcome: "ADVANCE", agreesWithRecommendation: false, reason: "Strong system design answers the scorer under-weighted." },
  responses: { 201: { description: "The decision, now the interview's current one.", schema: decisionSchema } },
  errors: [409],
});
