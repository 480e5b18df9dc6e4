import { and, eq, type SQL, sql } from "drizzle-orm";
import { candidates } from "@/db/candidates";
import type { CandidateListQuery } from "@/lib/api/schemas/candidates";
import type { Ctx } from "@/lib/context";
import { inOrg } from "@/lib/db/in-org";
import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { newestFirstPage } from "@/lib/db/newest-first";
import { isId } from "@/lib/ids";
import { serializeCandidate } from "./serialize";

export async function getCandidate(db: Db, ctx: Ctx, id: string) {
  if (!isId("candidate", id)) throw notFound("Candidate");
  const [row] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.id, id), inOrg(candidates, ctx)));
  if (!row) throw notFound("Candidate");
  return serializeCandidate(row);
}

/** Newest first, id breaking ties, so pages neither repeat nor skip rows created together. */
export async function listCandidates(db: Db, ctx: Ctx, query: CandidateListQuery) {
  const filters: SQL[] = [inOrg(candidates, ctx)];
  // lower(): the API stores addresses in lower case, but rows written by other paths may not be.
  if (query.email !== undefined) filters.push(eq(sql`lower(${candidates.email})`, query.email));
  if (query.externalId !== undefined) filters.push(eq(candidates.externalId, query.externalId));
  const { rows, total } = await newestFirstPage(db, candidates, and(...filters), query);
  return { items: rows.map(serializeCandidate), total };
}
