import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { ts } from "./columns";

// Fixed-window counters shared by every app process: one row per bucket (an API key, an
// organisation's invitations) and window.
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    bucket: text("bucket").notNull(),
    windowStart: ts("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    // The per-request upsert-and-count.
    primaryKey({ columns: [t.bucket, t.windowStart] }),
    // Sweep of windows that have ended.
    index("rate_limit_buckets_window_idx").on(t.windowStart),
  ],
);
