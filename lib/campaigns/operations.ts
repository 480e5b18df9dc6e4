import { campaignListQuery, campaignSchema, createCampaignBody } from "@/lib/api/schemas/campaigns";
import { idParams, listEnvelope } from "@/lib/api/schemas/common";
import { defineOperation } from "@/lib/openapi/operation";

// The campaign endpoints: served by app/api/v1/campaigns/** and described by the OpenAPI
// document from these same objects.
const tag = "Campaigns";

export const createCampaign = defineOperation({
  method: "post",
  path: "/api/v1/campaigns",
  operationId: "createCampaign",
  summary: "Create a hiring campaign with its ordered stages",
  description:
    "Stages are numbered from 1 in the order given. An unknown or another organisation's job is a 422 on `jobId`; each unknown configuration a 422 on `stages.N.configId`. Nothing is written on error.",
  tag,
  scope: "jobs:write",
  body: createCampaignBody,
  bodyExample: { jobId: "job_9aQ4mL2xV7nK1pR8tZ3wYb", name: "Backend engineers, spring 2027", stages: [{ name: "Screening" }, { name: "Technical", generateReport: false }] },
  responses: { 201: { description: "Created.", schema: campaignSchema, headers: { Location: "The campaign's URL." } } },
});

export const listCampaigns = defineOperation({
  method: "get",
  path: "/api/v1/campaigns",
  operationId: "listCampaigns",
  summary: "List hiring campaigns",
  description: "Newest first (createdAt, then id), each with its stages in order.",
  tag,
  scope: "jobs:read",
  query: campaignListQuery,
  responses: { 200: { description: "A page of campaigns, with a Link header.", schema: listEnvelope(campaignSchema) } },
});

export const getCampaign = defineOperation({
  method: "get",
  path: "/api/v1/campaigns/{id}",
  operationId: "getCampaign",
  summary: "Retrieve a hiring campaign",
  tag,
  scope: "jobs:read",
  params: idParams("campaign"),
  resource: "Campaign",
  responses: { 200: { description: "The campaign.", schema: campaignSchema } },
});
