import { idParams, listEnvelope } from "@/lib/api/schemas/common";
import { createJobBody, jobListQuery, jobSchema } from "@/lib/api/schemas/jobs";
import { defineOperation } from "@/lib/openapi/operation";

// The job posting endpoints: served by app/api/v1/jobs/** and described by the OpenAPI
// document from these same objects.
const tag = "Jobs";

export const createJob = defineOperation({
  method: "post",
  path: "/api/v1/jobs",
  operationId: "createJob",
  summary: "Create a job posting",
  description: "An `externalId` already used in the organisation is a 409 naming it.",
  tag,
  scope: "jobs:write",
  body: createJobBody,
  bodyExample: { title: "Senior Backend Engineer", location: "Lyon, France (hybrid)", externalId: "req-1042" },
  responses: { 201: { description: "Created.", schema: jobSchema, headers: { Location: "The job's URL." } } },
  errors: [409],
});

export const listJobs = defineOperation({
  method: "get",
  path: "/api/v1/jobs",
  operationId: "listJobs",
  summary: "List job postings",
  description: "Newest first (createdAt, then id).",
  tag,
  scope: "jobs:read",
  query: jobListQuery,
  responses: { 200: { description: "A page of jobs, with a Link header.", schema: listEnvelope(jobSchema) } },
});

export const getJob = defineOperation({
  method: "get",
  path: "/api/v1/jobs/{id}",
  operationId: "getJob",
  summary: "Retrieve a job posting",
  tag,
  scope: "jobs:read",
  params: idParams("job"),
  resource: "Job",
  responses: { 200: { description: "The job.", schema: jobSchema } },
});
