import type { Db } from "../db/types";
import { env } from "../env";
import { hitWindow, type WindowResult } from "./window";

export const API_RATE_LIMIT_WINDOW_SECONDS = 60;

/**
 * Counts one request against an API key's per-minute quota. The counter is a row in
 * PostgreSQL, so every app process shares it: running more processes does not raise the limit.
 */
export function hitApiKeyLimit(db: Db, apiKeyId: string): Promise<WindowResult> {
  return hitWindow(db, `api_key:${apiKeyId}`, API_RATE_LIMIT_WINDOW_SECONDS, env().API_RATE_LIMIT_PER_MINUTE);
}
