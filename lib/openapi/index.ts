import { campaignOperations } from "@/lib/campaigns/openapi";
import { candidateOperations } from "@/lib/candidates/openapi";
import { env } from "@/lib/env";
import { interviewConfigOperations, reportOperations } from "@/lib/interview-configs/openapi";
import { interviewOperations } from "@/lib/interviews/openapi";
import { jobOperations } from "@/lib/jobs/openapi";
import { webhookOperations } from "@/lib/webhooks/openapi";
import { buildDocument } from "./document";
import type { Operation } from "./operation";
import { metaOperations } from "./operations/meta";

// Every documented v1 endpoint. A test fails when a route under app/api/v1 is missing here.
export const operations: Operation[] = [
  ...interviewOperations,
  ...reportOperations,
  ...candidateOperations,
  ...jobOperations,
  ...campaignOperations,
  ...interviewConfigOperations,
  ...webhookOperations,
  ...metaOperations,
];

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= buildDocument(operations, env().APP_URL);
  return cached;
}
