// The figures of a monthly or annual report: aggregate counts over [from, to) in WIB (Asia/Jakarta) for
// reports, outreach, cases, referrals, Desa Binaan and action items. Counts only: no names, no free text,
// no row of a person ever leaves these queries. Regency-wide (the tenant), never scoped to a caller:
// the periodic policy decides who may read the result.
import { sql } from "drizzle-orm";
import { RISK_LEVELS, type RiskLevel } from "../../../core/village-risk";
import { type Db, rowsOf } from "../../db/client";
import { CLOSURE_REASONS } from "../../../core/cases";
import { REPORT_CATEGORIES } from "../../../core/reports";
import { programmeRisk } from "../villages/villages.service";
import type { PeriodKind } from "./periodic.tables";

export type Period = { kind: PeriodKind; period: string; from: Date; to: Date };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;

/** "2026-11" (month) or "2026" (year) as WIB boundaries: [first day 00:00 WIB, the next period's first day 00:00 WIB). */
export function periodOf(kind: PeriodKind, period: string): Period | null {
  const m = (kind === "month" ? MONTH : YEAR).exec(period);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 2000 || y > 2100) return null;
  const mo = kind === "month" ? Number(m[2]) : 1;
  const from = new Date(`${String(y)}-${String(mo).padStart(2, "0")}-01T00:00:00+07:00`);
  const next = kind === "month" ? (mo === 12 ? [y + 1, 1] : [y, mo + 1]) : [y + 1, 1];
  const to = new Date(`${String(next[0])}-${String(next[1]).padStart(2, "0")}-01T00:00:00+07:00`);
  return { kind, period, from, to };
}

/** The last complete month and year before `now` in WIB ("2026-11", "2025"). */
export function previousPeriods(now: Date): { month: string; year: string; wibDay: number; wibMonth: number } {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  const y = wib.getUTCFullYear();
  const m = wib.getUTCMonth() + 1;
  const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  return { month, year: String(y - 1), wibDay: wib.getUTCDate(), wibMonth: m };
}

export type Count = { key: string; count: number };
export type NamedCount = { code: string; name: string; count: number };

export type Figures = {
  reports: {
    received: number;
    verified: number;
    forwarded: number;
    answered: number;
    closed: number;
    rejected: number;
    /** Verification deadlines falling in the period that were missed. */
    overdueVerification: number;
    /** Agency response deadlines falling in the period that were missed. */
    overdueResponse: number;
    byCategory: Count[];
    byKecamatan: NamedCount[];
  };
  outreach: {
    sessions: number;
    participants: number;
    female: number;
    male: number;
    villagesReached: number;
    /** Desa Binaan (active or candidate) with no held session up to the end of the period. */
    programmeVillagesNeverReached: number;
    byKecamatan: NamedCount[];
  };
  cases: { opened: number; closed: number; openAtEnd: number; byClosureReason: Count[] };
  referrals: { sent: number; accepted: number; rejected: number; overdue: number };
  villages: { active: number; candidate: number; risk: Record<RiskLevel, number> };
  actionItems: { created: number; done: number; openAtEnd: number; overdueAtEnd: number };
  /** Received reports and held outreach sessions per day (month) or per month (year), WIB. */
  trend: { label: string; reports: number; sessions: number }[];
};

const n = (v: unknown) => Number(v ?? 0);

async function one(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, unknown>> {
  return rowsOf<Record<string, unknown>>(await db.execute(query))[0] ?? {};
}

export async function figuresFor(db: Db, tenant: string, p: Period): Promise<Figures> {
  const { to } = p;
  const F = sql`${p.from.toISOString()}::timestamptz`;
  const T = sql`${p.to.toISOString()}::timestamptz`;
  const within = (col: string) => sql`${sql.raw(col)} >= ${F} AND ${sql.raw(col)} < ${T}`;
  const missed = (due: string, done: string) => sql`${within(due)} AND (${sql.raw(done)} IS NULL OR ${sql.raw(done)} > ${sql.raw(due)})`;

  const r = await one(
    db,
    sql`SELECT count(*) FILTER (WHERE ${within("received_at")})::int AS received,
               count(*) FILTER (WHERE ${within("verified_at")})::int AS verified,
               count(*) FILTER (WHERE status = 'closed' AND ${within("closed_at")})::int AS closed,
               count(*) FILTER (WHERE status = 'rejected' AND ${within("closed_at")})::int AS rejected,
               count(*) FILTER (WHERE ${missed("verify_due_at", "coalesce(verified_at, closed_at)")})::int AS overdue_verification
        FROM public_reports WHERE tenant = ${tenant}`,
  );
  const f = await one(
    db,
    sql`SELECT count(DISTINCT report_id) FILTER (WHERE ${within("forwarded_at")})::int AS forwarded,
               count(DISTINCT report_id) FILTER (WHERE ${within("first_response_at")})::int AS answered,
               count(*) FILTER (WHERE ${missed("response_due_at", "first_response_at")})::int AS overdue_response
        FROM report_forwards WHERE tenant = ${tenant}`,
  );
  const byCategory = rowsOf<{ key: string; count: number }>(
    await db.execute(
      sql`SELECT category AS key, count(*)::int AS count FROM public_reports WHERE tenant = ${tenant} AND ${within("received_at")} GROUP BY 1`,
    ),
  );
  const reportsByKec = rowsOf<{ code: string | null; name: string | null; count: number }>(
    await db.execute(
      sql`SELECT r.kecamatan_code AS code, g.name, count(*)::int AS count
          FROM public_reports r LEFT JOIN regions g ON g.code = r.kecamatan_code
          WHERE r.tenant = ${tenant} AND ${within("r.received_at")}
          GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
    ),
  );

  const o = await one(
    db,
    sql`SELECT count(*)::int AS sessions, coalesce(sum(attendance_total), 0)::int AS participants,
               coalesce(sum(attendance_female), 0)::int AS female, coalesce(sum(attendance_male), 0)::int AS male,
               count(DISTINCT desa_code)::int AS villages
        FROM outreach_sessions WHERE tenant = ${tenant} AND status = 'held' AND ${within("starts_at")}`,
  );
  const never = await one(
    db,
    sql`SELECT count(*)::int AS n FROM village_programs v
        WHERE v.tenant = ${tenant} AND v.status IN ('active', 'candidate')
          AND NOT EXISTS (SELECT 1 FROM outreach_sessions s
                          WHERE s.tenant = v.tenant AND s.desa_code = v.desa_code AND s.status = 'held' AND s.starts_at < ${T})`,
  );
  const outreachByKec = rowsOf<{ code: string; name: string | null; count: number }>(
    await db.execute(
      sql`SELECT s.kecamatan_code AS code, g.name, coalesce(sum(s.attendance_total), 0)::int AS count
          FROM outreach_sessions s LEFT JOIN regions g ON g.code = s.kecamatan_code
          WHERE s.tenant = ${tenant} AND s.status = 'held' AND ${within("s.starts_at")}
          GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
    ),
  );

  const c = await one(
    db,
    sql`SELECT count(*) FILTER (WHERE ${within("created_at")})::int AS opened,
               count(*) FILTER (WHERE status = 'closed' AND ${within("closed_at")})::int AS closed,
               count(*) FILTER (WHERE created_at < ${T} AND (closed_at IS NULL OR closed_at >= ${T}))::int AS open_at_end
        FROM cases WHERE tenant = ${tenant}`,
  );
  const byReason = rowsOf<{ key: string | null; count: number }>(
    await db.execute(
      sql`SELECT closure_reason AS key, count(*)::int AS count FROM cases
          WHERE tenant = ${tenant} AND status = 'closed' AND ${within("closed_at")} GROUP BY 1`,
    ),
  );
  const ref = await one(
    db,
    sql`SELECT count(*) FILTER (WHERE ${within("sent_at")})::int AS sent,
               count(*) FILTER (WHERE status IN ('accepted', 'completed') AND ${within("responded_at")})::int AS accepted,
               count(*) FILTER (WHERE status = 'rejected' AND ${within("responded_at")})::int AS rejected,
               count(*) FILTER (WHERE ${missed("respond_due_at", "coalesce(responded_at, revoked_at)")})::int AS overdue
        FROM case_referrals WHERE tenant = ${tenant}`,
  );

  // Action items: due dates are WIB calendar days; "overdue at the end" = still open after its due day.
  const lastDay = new Date(to.getTime() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const a = await one(
    db,
    sql`SELECT count(*) FILTER (WHERE ${within("created_at")})::int AS created,
               count(*) FILTER (WHERE status = 'done' AND ${within("completed_at")})::int AS done,
               count(*) FILTER (WHERE created_at < ${T} AND (status IN ('open', 'in_progress') OR completed_at >= ${T}))::int AS open_at_end,
               count(*) FILTER (WHERE created_at < ${T} AND (status IN ('open', 'in_progress') OR completed_at >= ${T})
                                AND due_date < ${lastDay}::date)::int AS overdue_at_end
        FROM coordination_action_items WHERE tenant = ${tenant}`,
  );

  const bucket = p.kind === "month" ? "day" : "month";
  const trendRows = rowsOf<{ b: string; reports: number; sessions: number }>(
    await db.execute(sql`
      WITH buckets AS (
        SELECT to_char(g, ${p.kind === "month" ? "YYYY-MM-DD" : "YYYY-MM"}) AS b
        FROM generate_series((${F} AT TIME ZONE 'Asia/Jakarta'),
                             (${T} AT TIME ZONE 'Asia/Jakarta') - interval '1 second',
                             ${`1 ${bucket}`}::interval) g),
      rep AS (SELECT to_char(received_at AT TIME ZONE 'Asia/Jakarta', ${p.kind === "month" ? "YYYY-MM-DD" : "YYYY-MM"}) AS b, count(*)::int AS n
              FROM public_reports WHERE tenant = ${tenant} AND ${within("received_at")} GROUP BY 1),
      ses AS (SELECT to_char(starts_at AT TIME ZONE 'Asia/Jakarta', ${p.kind === "month" ? "YYYY-MM-DD" : "YYYY-MM"}) AS b, count(*)::int AS n
              FROM outreach_sessions WHERE tenant = ${tenant} AND status = 'held' AND ${within("starts_at")} GROUP BY 1)
      SELECT buckets.b, coalesce(rep.n, 0)::int AS reports, coalesce(ses.n, 0)::int AS sessions
      FROM buckets LEFT JOIN rep ON rep.b = buckets.b LEFT JOIN ses ON ses.b = buckets.b ORDER BY buckets.b`),
  );

  const villages = await programmeRisk(db, tenant);
  const risk = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
  for (const v of villages) risk[v.level]++;

  const counted = <K extends string>(keys: readonly K[], rows: { key: string | null; count: number }[]): Count[] =>
    keys.map((key) => ({ key, count: rows.filter((r) => r.key === key).reduce((s, r) => s + n(r.count), 0) }));
  const named = (rows: { code: string | null; name: string | null; count: number }[]): NamedCount[] =>
    rows.map((r) => ({ code: r.code ?? "", name: r.name ?? r.code ?? "", count: n(r.count) }));

  return {
    reports: {
      received: n(r.received),
      verified: n(r.verified),
      forwarded: n(f.forwarded),
      answered: n(f.answered),
      closed: n(r.closed),
      rejected: n(r.rejected),
      overdueVerification: n(r.overdue_verification),
      overdueResponse: n(f.overdue_response),
      byCategory: counted(REPORT_CATEGORIES, byCategory),
      byKecamatan: named(reportsByKec),
    },
    outreach: {
      sessions: n(o.sessions),
      participants: n(o.participants),
      female: n(o.female),
      male: n(o.male),
      villagesReached: n(o.villages),
      programmeVillagesNeverReached: n(never.n),
      byKecamatan: named(outreachByKec),
    },
    cases: { opened: n(c.opened), closed: n(c.closed), openAtEnd: n(c.open_at_end), byClosureReason: counted(CLOSURE_REASONS, byReason) },
    referrals: { sent: n(ref.sent), accepted: n(ref.accepted), rejected: n(ref.rejected), overdue: n(ref.overdue) },
    villages: {
      active: villages.filter((v) => v.status === "active").length,
      candidate: villages.filter((v) => v.status === "candidate").length,
      risk,
    },
    actionItems: { created: n(a.created), done: n(a.done), openAtEnd: n(a.open_at_end), overdueAtEnd: n(a.overdue_at_end) },
    trend: trendRows.map((t) => ({ label: t.b, reports: n(t.reports), sessions: n(t.sessions) })),
  };
}
