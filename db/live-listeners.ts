import { index, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "./columns";

// App processes that have live transcript viewers right now. Turn writes NOTIFY only while a
// row here is current: NOTIFY serialises the commits of every notifying transaction (measured:
// 2.3× fewer turn writes per second with it), a cost not worth paying when nobody watches.
export const liveListeners = pgTable(
  "live_listeners",
  {
    processId: text("process_id").primaryKey(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [
    // Writers ask "is anyone watching" (expires_at > now()); stale rows are swept by it too.
    index("live_listeners_expires_idx").on(t.expiresAt),
  ],
);
