import { sql } from "drizzle-orm";
import type { Db } from "../db/types";
import { rowsOf } from "../db/types";

export type WindowResult = { allowed: boolean; limit: number; remaining: number; resetAt: Date; count: number };

/**
 * Counts one hit in a fixed window shared by every app process (a row in PostgreSQL, updated
 * atomically), and says whether it is within the limit.
 */
export async function hitWindow(db: Db, bucket: string, windowSeconds: number, limit: number, cost = 1): Promise<WindowResult> {
  const windowMs = windowSeconds * 1000;
  const start = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const result = await db.execute(sql`
    insert into rate_limit_buckets (bucket, window_start, count) values (${bucket}, ${start.toISOString()}, ${cost})
    on conflict (bucket, window_start) do update set count = rate_limit_buckets.count + ${cost}
    returning count`);
  const count = Number(rowsOf<{ count: number | string }>(result)[0]!.count);
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetAt: new Date(start.getTime() + windowMs),
    count,
  };
}

/** Windows that ended more than a day ago are of no further use. */
export async function sweepRateLimitWindows(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where window_start < now() - interval '1 day'`);
}
