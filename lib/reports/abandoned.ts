import { sql } from "drizzle-orm";
import { backgroundJobs } from "@/db/background-jobs";
import { reports } from "@/db/reports";
import { systemCtx } from "../context";
import { rowsOf, type Db } from "../db/types";
import type { PeriodicTask } from "../queue/types";
import { finishFailed } from "./generate";
import { generateReportJob } from "./job";

const BATCH = 100;

/**
 * Reports left PENDING or GENERATING although their job has FAILED for good: the queue fails
 * a job without running it when its last attempt's process died, so the handler never got to
 * record the failure. Without this sweep such a report would look "in progress" forever.
 */
export async function failAbandonedReports(db: Db): Promise<number> {
  const rows = rowsOf<{ id: string; organization_id: string; interview_id: string; version: number; config_version: number | null; last_error: string | null }>(
    await db.execute(sql`
      select r.id, r.organization_id, r.interview_id, r.version, r.config_version, j.last_error
      from ${reports} r
      join ${backgroundJobs} j on j.kind = ${generateReportJob.kind} and j.status = 'FAILED' and j.payload->>'reportId' = r.id
      where r.status in ('PENDING', 'GENERATING')
      limit ${BATCH}`),
  );
  let failed = 0;
  for (const row of rows) {
    const cause = (row.last_error ?? "no error recorded").split("\n")[0];
    const done = await finishFailed(
      db,
      systemCtx(row.organization_id, "reports.fail-abandoned"),
      { id: row.id, interviewId: row.interview_id, version: row.version },
      `The generation job failed without finishing: ${cause}`,
      row.config_version,
    );
    if (done) failed += 1;
  }
  return failed;
}

export const failAbandonedReportsTask: PeriodicTask = {
  name: "reports.fail-abandoned",
  everyMs: 5 * 60_000,
  run: async (db) => void (await failAbandonedReports(db)),
};
