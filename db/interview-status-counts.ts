import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { interviewStatus } from "./interviews";
import { organizations } from "./organizations";

// How many interviews an organisation has in each stored status, so a list's total and the
// console's tabs never count the interviews themselves. Triggers on interviews (migration
// 0010_interview-status-count-triggers) add a row of +n or -n in the transaction of every
// insert, delete and status change: writers only append, so they never wait on one another
// for a shared counter. The sum per status is the count; the periodic task
// interview-status-counts.fold (lib/interviews/stats.ts) merges the rows into one per status.
export const interviewStatusCounts = pgTable(
  "interview_status_counts",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: interviewStatus("status").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    // A list's total and the console's counts: the organisation's rows, summed per status.
    index("interview_status_counts_org_status_idx").on(t.organizationId, t.status),
  ],
);
