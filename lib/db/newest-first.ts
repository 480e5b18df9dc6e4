import { count, desc, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { type Page, pageOffset, type Total } from "@/lib/api/schemas/common";
import type { Db } from "./types";

type Listable = PgTable & { createdAt: PgColumn; id: PgColumn };

/** Counting stops this many rows past the end of the requested page (see boundedCount). */
export const COUNT_PAST_PAGE = 10_000;

/**
 * The ids and creation times of one page, newest first, id breaking ties so pages neither
 * repeat nor skip rows created in the same instant. Selecting only what the index
 * `(organization_id, …, created_at, id)` holds lets PostgreSQL find the page in the index alone
 * (read backwards), however deep the page: the rows themselves are read for this page only.
 */
export function pageKeys(db: Db, table: Listable, where: SQL | undefined, page: Page) {
  return db
    .select({ id: table.id, createdAt: table.createdAt })
    .from(table as PgTable)
    .where(where)
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(page.pageSize)
    .offset(pageOffset(page))
    .as("page");
}

/**
 * How many rows match, counted no further than COUNT_PAST_PAGE past the end of this page, so
 * a list's cost stays bounded however many rows a filter matches. Past that the answer is
 * `{ atLeast }`: the page, `hasMore` and `next` are still right; only the last page is unknown.
 */
export async function boundedCount(db: Db, matching: SQLWrapper, page: Page): Promise<Total> {
  const cap = pageOffset(page) + page.pageSize + COUNT_PAST_PAGE;
  const [row] = await db.select({ n: count() }).from(sql`(${matching} limit ${cap + 1}) as matching`);
  const n = row?.n ?? 0;
  return n > cap ? { atLeast: cap } : n;
}

/**
 * One page of a list resource and its total: newest first, id breaking ties. `where` must
 * include the organisation. The page is found in the index (pageKeys), then joined to its rows.
 */
export async function newestFirstPage<T extends Listable>(db: Db, table: T, where: SQL | undefined, page: Page) {
  const keys = pageKeys(db, table, where, page);
  const [rows, total] = await Promise.all([
    db
      .select({ row: table as PgTable })
      .from(keys)
      .innerJoin(table as PgTable, eq(table.id, keys.id))
      .orderBy(desc(keys.createdAt), desc(keys.id)),
    // Counted newest first, so the rows are read from the index the page uses, never by a
    // sequential scan that might meet other organisations' rows before this one's.
    boundedCount(db, db.select({ one: sql`1` }).from(table as PgTable).where(where).orderBy(desc(table.createdAt), desc(table.id)), page),
  ]);
  return { rows: rows.map((r) => r.row) as T["$inferSelect"][], total };
}
