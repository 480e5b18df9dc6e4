import { interviewIdParams } from "@/lib/api/schemas/agent";
import { defineOperation } from "@/lib/openapi/operation";

// What the console's client components fetch with the session cookie (internal operations).

export const getInterviewView = defineOperation({
  method: "get",
  path: "/api/console/interviews/{id}",
  operationId: "getInterviewView",
  summary: "An interview as the console's interview page shows it",
  description:
    "The interview resource of `GET /api/v1/interviews/{id}`, plus its configuration's duration, questions and criteria, and a summary of its current report. The interview page refreshes from here while the interview can still change.",
  tag: "Console (internal)",
  auth: "session",
  params: interviewIdParams,
  resource: "Interview",
  responses: { 200: { description: "The interview, its plan and its report summary." } },
});
