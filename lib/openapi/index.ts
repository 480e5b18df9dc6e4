import * as agent from "@/lib/agent/operations";
import * as campaigns from "@/lib/campaigns/operations";
import * as candidates from "@/lib/candidates/operations";
import * as console from "@/lib/console/operations";
import { env } from "@/lib/env";
import * as interviewConfigs from "@/lib/interview-configs/operations";
import * as interviews from "@/lib/interviews/operations";
import * as invite from "@/lib/invite/operations";
import * as jobs from "@/lib/jobs/operations";
import * as live from "@/lib/live/operations";
import * as reports from "@/lib/reports/operations";
import * as webhooks from "@/lib/webhooks/operations";
import { buildDocument } from "./document";
import type { Operation } from "./operation";
import * as meta from "./operations";
import { TAGS } from "./tags";

// Every module of operation declarations. A route serving an operation that is not listed here
// fails tests/integration/route-operations.test.ts, and so does a listed one no route serves.
const modules: Record<string, Operation>[] = [interviews, reports, candidates, jobs, campaigns, interviewConfigs, webhooks, meta, agent, live, console, invite];

const METHOD_ORDER = ["get", "post", "patch", "delete"];
const tagIndex = (op: Operation) => TAGS.findIndex((t) => t.name === op.tag);
const byPath = (a: Operation, b: Operation) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Every operation, in the reference's order: by section, then path, then method. */
export const operations: Operation[] = modules
  .flatMap((m) => Object.values(m))
  .sort((a, b) => tagIndex(a) - tagIndex(b) || byPath(a, b) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= buildDocument(operations, env().APP_URL);
  return cached;
}
