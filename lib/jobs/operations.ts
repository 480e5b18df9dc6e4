import { idParams, listEnvelope } from "@/lib/api/schemas/common";
import { createJobBody, jobListQuery, jobSchema, updateJobBody } from "@/lib/api/schemas/jobs";
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
  description: "Newest first (createdAt, then id). Active jobs only unless `archived` or `externalId` says otherwise.",
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

export const updateJob = defineOperation({
  method: "patch",
  path: "/api/v1/jobs/{id}",
  operationId: "updateJob",
  summary: "Update a job posting",
  description:
    "Only the fields sent change; `null` clears `description`, `location` or `externalId`. `archived: true` archives the job (as DELETE does), `false` restores it. An `externalId` already used by another job of the organisation is a 409 naming it.",
  tag,
  scope: "jobs:write",
  params: idParams("job"),
  resource: "Job",
  body: updateJobBody,
  bodyExample: { title: "Staff Backend Engineer", location: null },
  responses: { 200: { description: "The job as it is now.", schema: jobSchema } },
  errors: [409],
});

export const archiveJob = defineOperation({
  method: "delete",
  path: "/api/v1/jobs/{id}",
  operationId: "archiveJob",
  summary: "Archive a job posting",
  description:
    "A job is archived, never deleted: it leaves the default job list and the console's pickers, and stays readable by id with `archivedAt` set; its interviews, campaigns and reports stay. Archiving an archived job changes nothing. `PATCH` with `archived: false` restores it.",
  tag,
  scope: "jobs:write",
  params: idParams("job"),
  resource: "Job",
  responses: { 200: { description: "The archived job.", schema: jobSchema } },
});
