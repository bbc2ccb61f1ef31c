// One tenant's row by its id: the lookup every module's repo makes of its own main table (a table built
// with the tenantRecord() columns of columns.ts).
import { and, eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";

type TenantTable = PgTable & { id: AnyPgColumn; tenant: AnyPgColumn };

/** The row `id` of `table` if it belongs to `tenant` (locked FOR UPDATE when asked); undefined otherwise. */
export async function findTenantRow<T extends TenantTable>(
  db: Db,
  table: T,
  tenant: string,
  id: string,
  forUpdate = false,
): Promise<T["$inferSelect"] | undefined> {
  const q = db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.tenant, tenant), eq(table.id, id)));
  const [row] = forUpdate ? await q.for("update") : await q;
  return row as T["$inferSelect"] | undefined;
}
