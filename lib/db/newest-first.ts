import { desc, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { type Page, pageOffset } from "@/lib/http/pagination";
import type { Db } from "./types";

type Listable = PgTable & { createdAt: PgColumn; id: PgColumn };

/**
 * One page of a list resource and the total: newest first, id breaking ties, so pages neither
 * repeat nor skip rows created in the same instant. `where` must include the organisation.
 */
export async function newestFirstPage<T extends Listable>(db: Db, table: T, where: SQL | undefined, page: Page) {
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(page.pageSize)
    .offset(pageOffset(page))) as T["$inferSelect"][];
  return { rows, total: await db.$count(table, where) };
}
