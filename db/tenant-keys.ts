import { foreignKey, type AnyPgColumn } from "drizzle-orm/pg-core";

type TenantOwned = { organizationId: AnyPgColumn; id: AnyPgColumn };

/**
 * A reference from one tenant-owned row to another: `(organization_id, column)` →
 * `parent (organization_id, id)`, so the database refuses a row pointing at another
 * organisation's object even if a query forgot its organisation filter. The parent declares
 * `unique("<parent>_org_id_key").on(t.organizationId, t.id)` for it.
 *
 * With `.onDelete("set null")` drizzle-kit writes `ON DELETE set null`, which would null
 * organization_id too (NOT NULL, so deleting the parent fails): the migration must say
 * `ON DELETE SET NULL (column)` instead (see 0011_tenancy-composite-keys.sql).
 */
export function sameOrgReference(name: string, child: { organizationId: AnyPgColumn }, column: AnyPgColumn, parent: TenantOwned) {
  return foreignKey({ name, columns: [child.organizationId, column], foreignColumns: [parent.organizationId, parent.id] });
}
