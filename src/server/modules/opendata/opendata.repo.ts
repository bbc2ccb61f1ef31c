// Counts for the public statistics: grouped by WIB month and one other key, over one regency (the tenant)
// and a half-open period [from, to). Only aggregates leave the database; no row does.
import { and, count, eq, gte, lt, ne, sql, sum } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases } from "../cases/cases.tables";
import { outreachSessions } from "../outreach/outreach.tables";
import { publicReports } from "../reports/reports.tables";

export type Period = { from: Date; to: Date };
export type GroupCount = { month: string; key: string | null; n: number };

const monthOf = (col: unknown) => sql<string>`to_char((${col} AT TIME ZONE 'Asia/Jakarta'), 'YYYY-MM')`;

/** Public reports received in the period (rejected ones are not counted: spam and tests), by month and kecamatan or category. */
export async function reportCounts(db: Db, tenant: string, p: Period, by: "kecamatan" | "category"): Promise<GroupCount[]> {
  const month = monthOf(publicReports.receivedAt);
  const key = by === "kecamatan" ? publicReports.kecamatanCode : publicReports.category;
  const rows = await db
    .select({ month, key, n: count() })
    .from(publicReports)
    .where(
      and(
        eq(publicReports.tenant, tenant),
        gte(publicReports.receivedAt, p.from),
        lt(publicReports.receivedAt, p.to),
        ne(publicReports.status, "rejected"),
      ),
    )
    .groupBy(month, key);
  return rows.map((r) => ({ month: r.month, key: r.key, n: Number(r.n) }));
}

/** Outreach sessions held in the period, and their participants, by month and kecamatan. */
export async function outreachCounts(
  db: Db,
  tenant: string,
  p: Period,
): Promise<{ month: string; key: string; sessions: number; participants: number }[]> {
  const month = monthOf(outreachSessions.startsAt);
  const rows = await db
    .select({ month, key: outreachSessions.kecamatanCode, sessions: count(), participants: sum(outreachSessions.attendanceTotal) })
    .from(outreachSessions)
    .where(
      and(
        eq(outreachSessions.tenant, tenant),
        eq(outreachSessions.status, "held"),
        gte(outreachSessions.startsAt, p.from),
        lt(outreachSessions.startsAt, p.to),
      ),
    )
    .groupBy(month, outreachSessions.kecamatanCode);
  return rows.map((r) => ({ month: r.month, key: r.key, sessions: Number(r.sessions), participants: Number(r.participants ?? 0) }));
}

/** Cases opened in the period, by month only: cases are never published below the regency. */
export async function caseCounts(db: Db, tenant: string, p: Period): Promise<GroupCount[]> {
  const month = monthOf(cases.createdAt);
  const rows = await db
    .select({ month, n: count() })
    .from(cases)
    .where(and(eq(cases.tenant, tenant), gte(cases.createdAt, p.from), lt(cases.createdAt, p.to)))
    .groupBy(month);
  return rows.map((r) => ({ month: r.month, key: null, n: Number(r.n) }));
}
