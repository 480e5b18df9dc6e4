import { reportParams, reportSchema } from "@/lib/api/schemas/reports";
import { defineOperation } from "@/lib/openapi/operation";

// The report endpoint: served by app/api/v1/reports/[reportId] and described by the OpenAPI
// document from this same object.

export const getReport = defineOperation({
  method: "get",
  path: "/api/v1/reports/{reportId}",
  operationId: "getReport",
  summary: "Retrieve an interview report",
  description: "Fields not known yet (before READY, or after a failure) are null; `failureReason` says why a FAILED report failed.",
  tag: "Reports",
  scope: "interviews:read",
  params: reportParams,
  resource: "Report",
  responses: { 200: { description: "The report.", schema: reportSchema } },
});
