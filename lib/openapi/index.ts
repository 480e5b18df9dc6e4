import { env } from "@/lib/env";
import { buildDocument } from "./document";
import type { Operation } from "./operation";
import { metaOperations } from "./operations/meta";

// Every documented v1 endpoint. A test fails when a route under app/api/v1 is missing here.
export const operations: Operation[] = [...metaOperations];

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  cached ??= buildDocument(operations, env().APP_URL);
  return cached;
}
