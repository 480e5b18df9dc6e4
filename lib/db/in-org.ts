import { eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * The organisation condition of every tenant-owned query: `table`'s row belongs to `owner`'s
 * organisation. `owner` is a context (or anything with the organisation's id), or another
 * table, for a join (`inOrg(jobs, interviews)`). Another organisation's row is then simply not
 * found; the composite foreign keys (db/tenant-keys.ts) keep rows from pointing across anyway.
 */
export function inOrg(table: { organizationId: AnyPgColumn }, owner: { organizationId: string | AnyPgColumn }): SQL {
  return eq(table.organizationId, owner.organizationId);
}
