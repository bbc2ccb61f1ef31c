// Queries of the stored periodic reports (regency-wide: scoped to the tenant; the policy decides who reads).
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { findTenantRow } from "../../db/records";
import { users } from "../../db/schema";
import type { PeriodicReport } from "./periodic.schema";
import { type PeriodKind, periodicReports } from "./periodic.tables";

export type PeriodicRow = typeof periodicReports.$inferSelect;
type NewRow = typeof periodicReports.$inferInsert;

const listColumns = {
  row: periodicReports,
  byName: users.displayName,
};

function present(r: { row: PeriodicRow; byName: string | null }): PeriodicReport {
  const { row } = r;
  return {
    id: row.id,
    kind: row.kind,
    period: row.period,
    generatedAt: row.generatedAt.toISOString(),
    generatedBy: row.generatedBy ? { id: row.generatedBy, name: r.byName ?? "" } : null,
    pdf: { sha256: row.pdfSha256, size: row.pdfSize },
    xlsx: { sha256: row.xlsxSha256, size: row.xlsxSize },
  };
}

export async function listReports(db: Db, tenant: string): Promise<PeriodicReport[]> {
  const rows = await db
    .select(listColumns)
    .from(periodicReports)
    .leftJoin(users, eq(users.id, periodicReports.generatedBy))
    .where(eq(periodicReports.tenant, tenant))
    .orderBy(desc(periodicReports.period), periodicReports.kind);
  return rows.map(present);
}

export function findReport(db: Db, tenant: string, id: string): Promise<PeriodicRow | undefined> {
  return findTenantRow(db, periodicReports, tenant, id);
}

export async function findByPeriod(db: Db, tenant: string, kind: PeriodKind, period: string): Promise<PeriodicRow | undefined> {
  const [row] = await db
    .select()
    .from(periodicReports)
    .where(and(eq(periodicReports.tenant, tenant), eq(periodicReports.kind, kind), eq(periodicReports.period, period)));
  return row;
}

/**
 * Stores a generation: inserts the period's row or replaces its files. `replaceIfBefore`: replace only a
 * report generated before that moment (the schedule replaces a report made while the period was still
 * running, never a complete one); undefined when nothing was written (another run got there first).
 */
export async function upsertReport(db: Db, row: NewRow, replaceIfBefore?: Date): Promise<PeriodicRow | undefined> {
  const set = {
    generatedAt: row.generatedAt,
    generatedBy: row.generatedBy ?? null,
    pdfFile: row.pdfFile,
    pdfKeyEnc: row.pdfKeyEnc,
    pdfSha256: row.pdfSha256,
    pdfSize: row.pdfSize,
    xlsxFile: row.xlsxFile,
    xlsxKeyEnc: row.xlsxKeyEnc,
    xlsxSha256: row.xlsxSha256,
    xlsxSize: row.xlsxSize,
  };
  const [out] = await db
    .insert(periodicReports)
    .values(row)
    .onConflictDoUpdate({
      target: [periodicReports.tenant, periodicReports.kind, periodicReports.period],
      set,
      where: replaceIfBefore ? sql`${periodicReports.generatedAt} < ${replaceIfBefore.toISOString()}::timestamptz` : undefined,
    })
    .returning();
  return out;
}

export async function presentOne(db: Db, row: PeriodicRow): Promise<PeriodicReport> {
  const [u] = row.generatedBy ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.generatedBy)) : [];
  return present({ row, byName: u?.name ?? null });
}
