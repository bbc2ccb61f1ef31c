// Screening statistics: counts only, by month (WIB), final decision, reason, destination, age band,
// kecamatan and purpose. Officers see their office's; coordinators the regency's (or their jurisdiction's).
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { hasRole, type Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { regions } from "../../db/schema";
import type { Stats } from "./screening.schema";
import { screenings } from "./screening.tables";

export async function screeningStats(ctx: AppContext, p: Principal, q: { from?: string; to?: string }): Promise<Stats> {
  const screener = hasRole(p, "interview_officer", "interview_supervisor");
  const scope: (SQL | undefined)[] = [
    eq(screenings.tenant, p.tenant),
    screener && p.agencyId ? eq(screenings.officeAgencyId, p.agencyId) : undefined,
    !screener && p.jurisdiction !== null
      ? sql`EXISTS (SELECT 1 FROM unnest(${sql.param(p.jurisdiction)}::text[]) a WHERE ${screenings.desaCode} = a OR ${screenings.desaCode} LIKE a || '.%')`
      : undefined,
    q.from ? gte(screenings.interviewedAt, sql`(${q.from}::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`) : undefined,
    q.to ? lt(screenings.interviewedAt, sql`((${q.to}::date + 1)::timestamp) AT TIME ZONE 'Asia/Jakarta'`) : undefined,
  ];
  const where = and(...scope);
  const db = ctx.db;
  const month = sql<string>`to_char(${screenings.interviewedAt} AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM')`;
  const n = sql<number>`count(*)::int`;
  const byMonth = await db
    .select({
      month,
      issue: sql<number>`(count(*) FILTER (WHERE ${screenings.finalDecision} = 'issue'))::int`,
      postpone: sql<number>`(count(*) FILTER (WHERE ${screenings.finalDecision} = 'postpone'))::int`,
      refuse: sql<number>`(count(*) FILTER (WHERE ${screenings.finalDecision} = 'refuse'))::int`,
      pending: sql<number>`(count(*) FILTER (WHERE ${screenings.finalDecision} IS NULL))::int`,
    })
    .from(screenings)
    .where(where)
    .groupBy(month)
    .orderBy(month);
  const countBy = async (key: SQL<string | null>, extra?: SQL) => {
    const rows = await db.select({ key, count: n }).from(screenings).where(and(where, extra)).groupBy(key).orderBy(sql`count(*) DESC`, key);
    return rows.map((r) => ({ key: r.key ?? "unknown", count: r.count }));
  };
  const kecamatan = sql<string | null>`left(${screenings.desaCode}, 8)`;
  const byKecamatan = await db
    .select({ key: kecamatan, name: sql<string | null>`min(${regions.name})`, count: n })
    .from(screenings)
    .leftJoin(regions, eq(regions.code, kecamatan))
    .where(where)
    .groupBy(kecamatan)
    .orderBy(sql`count(*) DESC`, kecamatan);
  const byPurpose = await countBy(sql`${screenings.purpose}`);
  return {
    total: byPurpose.reduce((s, r) => s + r.count, 0),
    byMonth,
    byReason: await countBy(sql`${screenings.finalReasonCode}`, sql`${screenings.finalDecision} IN ('postpone', 'refuse')`),
    byDestination: await countBy(sql`${screenings.destinationCountry}`),
    byAgeBand: await countBy(sql`${screenings.ageBand}`),
    byKecamatan: byKecamatan.map((r) => ({ key: r.key ?? "unknown", name: r.name ?? "", count: r.count })),
    byPurpose,
  };
}
