import { idParams, listEnvelope } from "@/lib/api/schemas/common";
import { interviewConfigListQuery, interviewConfigSchema } from "@/lib/api/schemas/interview-configs";
import { defineOperation } from "@/lib/openapi/operation";

// The interview configuration endpoints: served by app/api/v1/interview-configs/** and
// described by the OpenAPI document from these same objects.
const tag = "Interview configurations";

export const listInterviewConfigs = defineOperation({
  method: "get",
  path: "/api/v1/interview-configs",
  operationId: "listInterviewConfigs",
  summary: "List interview configurations",
  description: "Newest first (createdAt, then id). The organisation's default has `isDefault: true`.",
  tag,
  scope: "interviews:read",
  query: interviewConfigListQuery,
  responses: { 200: { description: "A page of configurations, with a Link header.", schema: listEnvelope(interviewConfigSchema) } },
});

export const getInterviewConfig = defineOperation({
  method: "get",
  path: "/api/v1/interview-configs/{id}",
  operationId: "getInterviewConfig",
  summary: "Retrieve an interview configuration",
  tag,
  scope: "interviews:read",
  params: idParams("config"),
  resource: "Interview config",
  responses: { 200: { description: "The configuration.", schema: interviewConfigSchema } },
});
