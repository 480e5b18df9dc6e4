import { candidateListQuery, candidateSchema, createCandidateBody, updateCandidateBody } from "@/lib/api/schemas/candidates";
import { idParams, listEnvelope } from "@/lib/api/schemas/common";
import { defineOperation } from "@/lib/openapi/operation";

// The candidate endpoints: served by app/api/v1/candidates/** and described by the OpenAPI
// document from these same objects.
const tag = "Candidates";

export const createCandidate = defineOperation({
  method: "post",
  path: "/api/v1/candidates",
  operationId: "createCandidate",
  summary: "Create a candidate",
  description: "The e-mail address is stored in lower case and the locale in canonical case. An `externalId` already used in the organisation is a 409 naming it.",
  tag,
  scope: "candidates:write",
  body: createCandidateBody,
  bodyExample: { firstName: "Ada", lastName: "Lovelace", email: "ada.lovelace@example.com", locale: "fr-CA", externalId: "ats-48213" },
  responses: { 201: { description: "Created.", schema: candidateSchema, headers: { Location: "The candidate's URL." } } },
  errors: [409],
});

export const listCandidates = defineOperation({
  method: "get",
  path: "/api/v1/candidates",
  operationId: "listCandidates",
  summary: "List candidates",
  description: "Newest first (createdAt, then id).",
  tag,
  scope: "candidates:read",
  query: candidateListQuery,
  responses: { 200: { description: "A page of candidates, with a Link header.", schema: listEnvelope(candidateSchema) } },
});

export const getCandidate = defineOperation({
  method: "get",
  path: "/api/v1/candidates/{id}",
  operationId: "getCandidate",
  summary: "Retrieve a candidate",
  tag,
  scope: "candidates:read",
  params: idParams("candidate"),
  resource: "Candidate",
  responses: { 200: { description: "The candidate.", schema: candidateSchema } },
});

export const updateCandidate = defineOperation({
  method: "patch",
  path: "/api/v1/candidates/{id}",
  operationId: "updateCandidate",
  summary: "Update a candidate",
  description:
    "Only the fields sent change, with the rules of creation (e-mail in lower case, locale in canonical case); `null` clears `phone` or `externalId`. Links already sent keep working; the next invitation goes to the new address. An `externalId` already used by another candidate of the organisation is a 409 naming it.",
  tag,
  scope: "candidates:write",
  params: idParams("candidate"),
  resource: "Candidate",
  body: updateCandidateBody,
  bodyExample: { email: "ada@example.org", phone: null },
  responses: { 200: { description: "The candidate as it is now.", schema: candidateSchema } },
  errors: [409],
});
