// Queries behind the village pages, the map and outreach coverage. Everything is loaded per regency
// (326 desa in Serang) and combined in memory: one query per concern, no N+1.
import { and, eq, sql } from "drizzle-orm";
import { isWithin } from "../../../core/regions";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/client";
import { villageDetails, villageIndicators, villagePrograms } from "./villages.tables";

export type DesaRow = { code: string; name: string; kecamatanCode: string; kecamatanName: string; hasBoundary: boolean };
export type ProgramRow = typeof villagePrograms.$inferSelect;
export type DetailRow = typeof villageDetails.$inferSelect;
export type IndicatorRow = typeof villageIndicators.$inferSelect;

/** Every desa of the regency, optionally only those inside the given areas (null = all). */
export async function listDesa(db: Db, regency: string, areas: string[] | null = null): Promise<DesaRow[]> {
  const rows = rowsOf<{ code: string; name: string; kecamatan_code: string; kecamatan_name: string; has_boundary: boolean }>(
    await db.execute(sql`
      SELECT d.code, d.name, k.code AS kecamatan_code, k.name AS kecamatan_name, (d.boundary IS NOT NULL) AS has_boundary
      FROM regions d JOIN regions k ON k.code = d.parent_code
      WHERE d.level = 'desa' AND d.code LIKE ${`${regency}.%`}
      ORDER BY d.code`),
  );
  return rows
    .filter((r) => areas === null || areas.some((a) => isWithin(r.code, a)))
    .map((r) => ({
      code: r.code,
      name: r.name,
      kecamatanCode: r.kecamatan_code,
      kecamatanName: r.kecamatan_name,
      hasBoundary: r.has_boundary,
    }));
}

export async function loadPrograms(db: Db, tenant: string, desaCode?: string): Promise<Map<string, ProgramRow>> {
  const rows = await db
    .select()
    .from(villagePrograms)
    .where(and(eq(villagePrograms.tenant, tenant), desaCode ? eq(villagePrograms.desaCode, desaCode) : undefined));
  return new Map(rows.map((r) => [r.desaCode, r]));
}

export async function loadDetails(db: Db, tenant: string, desaCode?: string): Promise<Map<string, DetailRow>> {
  const rows = await db
    .select()
    .from(villageDetails)
    .where(and(eq(villageDetails.tenant, tenant), desaCode ? eq(villageDetails.desaCode, desaCode) : undefined));
  return new Map(rows.map((r) => [r.desaCode, r]));
}

export async function loadIndicators(db: Db, tenant: string, desaCode?: string): Promise<Map<string, IndicatorRow[]>> {
  const rows = await db
    .select()
    .from(villageIndicators)
    .where(and(eq(villageIndicators.tenant, tenant), desaCode ? eq(villageIndicators.desaCode, desaCode) : undefined));
  const map = new Map<string, IndicatorRow[]>();
  for (const r of rows) map.set(r.desaCode, [...(map.get(r.desaCode) ?? []), r]);
  return map;
}

export type OutreachAggregate = { sessions: number; peopleReached: number; lastSessionAt: Date | null };

/** Held sessions per desa, optionally within [from, to). */
export async function outreachByDesa(
  db: Db,
  tenant: string,
  range: { from?: Date; to?: Date } = {},
): Promise<Map<string, OutreachAggregate>> {
  const rows = rowsOf<{ desa_code: string; sessions: number; people: number; last_at: string | Date | null }>(
    await db.execute(sql`
      SELECT desa_code, count(*)::int AS sessions, coalesce(sum(attendance_total), 0)::int AS people, max(starts_at) AS last_at
      FROM outreach_sessions
      WHERE tenant = ${tenant} AND status = 'held'
        ${range.from ? sql`AND starts_at >= ${range.from.toISOString()}` : sql``}
        ${range.to ? sql`AND starts_at < ${range.to.toISOString()}` : sql``}
      GROUP BY desa_code`),
  );
  return new Map(
    rows.map((r) => [
      r.desa_code,
      { sessions: r.sessions, peopleReached: r.people, lastSessionAt: r.last_at ? new Date(r.last_at) : null },
    ]),
  );
}

/**
 * Simpul's own counts per desa and period (year "2025" and semester "2025-S1"), in Asia/Jakarta time:
 * public reports placed in the desa, and held outreach sessions with the people they reached.
 */
export async function simpulCountsByPeriod(
  db: Db,
  tenant: string,
  desa?: string | string[],
): Promise<Map<string, { reportsReceived: number; outreachSessions: number; peopleReached: number }>> {
  const local = (col: string) => sql.raw(`(${col} AT TIME ZONE 'Asia/Jakarta')`);
  // One desa, a set of desa, or every desa of the regency.
  const codes = typeof desa === "string" ? [desa] : desa;
  if (codes && codes.length === 0) return new Map();
  const inSet = (col: string) =>
    sql`${sql.raw(col)} IN (${sql.join(
      codes!.map((c) => sql`${c}`),
      sql`, `,
    )})`;
  const [reports, sessions] = await Promise.all([
    db.execute(sql`
      SELECT region_code AS desa, extract(year FROM ${local("received_at")})::int AS y,
             CASE WHEN extract(month FROM ${local("received_at")}) <= 6 THEN 1 ELSE 2 END AS s, count(*)::int AS n, 0::int AS people
      FROM public_reports
      WHERE tenant = ${tenant} AND ${codes ? inSet("region_code") : sql`region_code LIKE ${`${tenant}.%.%`}`}
      GROUP BY 1, 2, 3`),
    db.execute(sql`
      SELECT desa_code AS desa, extract(year FROM ${local("starts_at")})::int AS y,
             CASE WHEN extract(month FROM ${local("starts_at")}) <= 6 THEN 1 ELSE 2 END AS s, count(*)::int AS n,
             coalesce(sum(attendance_total), 0)::int AS people
      FROM outreach_sessions
      WHERE tenant = ${tenant} AND status = 'held' ${codes ? sql`AND ${inSet("desa_code")}` : sql``}
      GROUP BY 1, 2, 3`),
  ]);
  const out = new Map<string, { reportsReceived: number; outreachSessions: number; peopleReached: number }>();
  const add = (key: string, field: "reportsReceived" | "outreachSessions", n: number, people: number) => {
    const cur = out.get(key) ?? { reportsReceived: 0, outreachSessions: 0, peopleReached: 0 };
    cur[field] += n;
    cur.peopleReached += people;
    out.set(key, cur);
  };
  type R = { desa: string; y: number; s: number; n: number; people: number };
  for (const r of rowsOf<R>(reports)) {
    add(`${r.desa}|${r.y}`, "reportsReceived", r.n, 0);
    add(`${r.desa}|${r.y}-S${r.s}`, "reportsReceived", r.n, 0);
  }
  for (const r of rowsOf<R>(sessions)) {
    add(`${r.desa}|${r.y}`, "outreachSessions", r.n, r.people);
    add(`${r.desa}|${r.y}-S${r.s}`, "outreachSessions", r.n, r.people);
  }
  return out;
}
