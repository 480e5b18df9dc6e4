import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { rowsOf } from "@/lib/db/types";
import { setupTestDatabase } from "../helpers/db";

const db = setupTestDatabase();
const tables = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => v instanceof PgTable);

describe("migrations", () => {
  it("create every table and every index the schema declares", async () => {
    const result = await db.get().db.execute(sql`select tablename, indexname from pg_indexes where schemaname = 'public'`);
    const indexes = new Set(rowsOf<{ indexname: string }>(result).map((r) => r.indexname));
    const tableRows = rowsOf<{ tablename: string }>(await db.get().db.execute(sql`select tablename from pg_tables where schemaname = 'public'`));
    const present = new Set(tableRows.map((r) => r.tablename));
    expect(tables.length).toBeGreaterThan(15);
    for (const table of tables) {
      const config = getTableConfig(table);
      expect(present.has(config.name), `table ${config.name}`).toBe(true);
      for (const index of config.indexes) expect(indexes.has(index.config.name!), `index ${index.config.name}`).toBe(true);
    }
  });

  it("declare no index column DESC NULLS LAST, which no `order by … desc` (NULLS FIRST) can use", async () => {
    // Drizzle's `.desc()` makes exactly that: every list then sorted its whole organisation.
    const result = await db.get().db.execute(sql`
      select c.relname as index from pg_index i
      join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and exists (select 1 from unnest(i.indoption::int2[]) o where o & 3 = 1)`);
    expect(rowsOf<{ index: string }>(result).map((r) => r.index)).toEqual([]);
  });
});
