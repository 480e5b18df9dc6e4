import { idParams, listEnvelope } from "@/lib/api/schemas/common";
import { interviewConfigListQuery, interviewConfigSchema } from "@/lib/api/schemas/interview-configs";
import { reportParams, reportSchema } from "@/lib/api/schemas/reports";
import { defineOperations } from "@/lib/openapi/operation";

// The read-only endpoints under interviews:read besides interviews themselves (configurations
// and reports), for the OpenAPI document. Registered by spreading `interviewConfigOperations`
// and `reportOperations` into lib/openapi/index.ts.

export const interviewConfigOperations = defineOperations([
  {
    method: "get",
    path: "/api/v1/interview-configs",
    operationId: "listInterviewConfigs",
    summary: "List interview configurations",
    description: "Newest first (createdAt, then id). The organisation's default has `isDefault: true`.",
    tag: "Interview configurations",
    scope: "interviews:read",
    query: interviewConfigListQuery,
    responses: { 200: { description: "A page of configurations, with a Link header.", schema: listEnvelope(interviewConfigSchema) } },
  },
  {
    method: "get",
    path: "/api/v1/interview-configs/{id}",
    operationId: "getInterviewConfig",
    summary: "Retrieve an interview configuration",
    tag: "Interview configurations",
    scope: "interviews:read",
    params: idParams("config"),
    responses: { 200: { description: "The configuration.", schema: interviewConfigSchema } },
    errors: [404],
  },
]);

export const reportOperations = defineOperations([
  {
    method: "get",
    path: "/api/v1/reports/{reportId}",
    operationId: "getReport",
    summary: "Retrieve an interview report",
    description: "Fields not known yet (before READY, or after a failure) are null; `failureReason` says why a FAILED report failed.",
    tag: "Reports",
    scope: "interviews:read",
    params: reportParams,
    responses: { 200: { description: "The report.", schema: reportSchema } },
    errors: [404],
  },
]);
