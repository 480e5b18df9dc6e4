import { and, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import { jobs } from "@/db/jobs";
import type { JobListQuery } from "@/lib/api/schemas/jobs";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { newestFirstPage } from "@/lib/db/newest-first";
import { isId } from "@/lib/ids";
import { serializeJob } from "./serialize";

/** The organisation's job row, or null: callers decide whether that is a 404 or a 422. */
export async function findJob(db: Db, ctx: Ctx, id: string) {
  if (!isId("job", id)) return null;
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), inOrg(jobs, ctx)));
  return row ?? null;
}

export async function getJob(db: Db, ctx: Ctx, id: string) {
  const row = await findJob(db, ctx, id);
  if (!row) throw notFound("Job");
  return serializeJob(row);
}

/** Newest first, id breaking ties, so pages neither repeat nor skip rows created together. */
export async function listJobs(db: Db, ctx: Ctx, query: JobListQuery) {
  const filters: SQL[] = [inOrg(jobs, ctx)];
  if (query.externalId !== undefined) filters.push(eq(jobs.externalId, query.externalId));
  const archived = query.archived ?? (query.externalId !== undefined ? "all" : "false");
  if (archived !== "all") filters.push(archivedFilter(archived === "true"));
  const { rows, total } = await newestFirstPage(db, jobs, and(...filters), query);
  return { items: rows.map(serializeJob), total };
}

/** Active jobs (read from jobs_org_active_created_idx) or archived ones. */
export const archivedFilter = (archived: boolean): SQL => (archived ? isNotNull(jobs.archivedAt) : isNull(jobs.archivedAt));
