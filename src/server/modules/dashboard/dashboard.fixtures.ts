// Bulk data for the dashboard's tests and benchmark: reports (with forwards), cases (with services and
// referrals), outreach sessions, village indicators and action items, written by a few INSERT … SELECT generate_series
// statements (seconds for 100,000 reports on PostgreSQL, no API round trips). Values cycle through the
// given desa, agencies and users, so every status, deadline and scope occurs.
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client";

export type DashboardSeed = {
  tenant: string;
  now: Date;
  reports: number;
  cases: number;
  sessions: number;
  actionItems: number;
  /** Desa codes to place records in; the last fifth get no outreach session (never reached). */
  desa: string[];
  agencyIds: string[];
  /** Session recorders, in turn. */
  recorderIds: string[];
  /** Case owner, meeting author and referral sender. */
  staffId: string;
};

/** The desa codes of the regency (first `limit`). */
export async function desaOf(db: Db, regency: string, limit = 1000): Promise<string[]> {
  const rows = rowsOf<{ code: string }>(
    await db.execute(sql`SELECT code FROM regions WHERE level = 'desa' AND code LIKE ${`${regency}.%`} ORDER BY code LIMIT ${limit}`),
  );
  return rows.map((r) => r.code);
}

const arr = (xs: string[]) =>
  sql`ARRAY[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

export async function seedDashboard(database: Db, s: DashboardSeed): Promise<void> {
  // One transaction without the pool's statement timeout: 100,000 reports fill the full-text index too.
  await database.transaction(async (t) => {
    const tx = t as unknown as Db;
    await tx.execute(sql`SET LOCAL statement_timeout = 0`);
    await seedRows(tx, s);
  });
}

async function seedRows(db: Db, s: DashboardSeed): Promise<void> {
  const now = s.now.toISOString();
  const desa = arr(s.desa);
  const reached = arr(s.desa.slice(0, Math.max(1, Math.ceil((s.desa.length * 4) / 5))));
  const agencies = arr(s.agencyIds);
  const recorders = arr(s.recorderIds);
  const statuses = arr(["received", "verified", "forwarded", "in_handling", "closed", "rejected"]);
  // Reports: received over the last 400 days; the verification deadline 3 days after receipt.
  await db.execute(sql`
    INSERT INTO public_reports (tenant, tracking_code, submission_hash, pin_hash, category, description, region_code, kecamatan_code,
                                status, received_at, verify_due_at, verified_at, closed_at)
    SELECT ${s.tenant}, 'BN' || lpad(i::text, 8, '0'), 'seed-' || i, 'seed', (ARRAY['suspicious_offer','person_in_danger_abroad','irregular_departure','other'])[1 + i % 4],
           'Laporan uji ' || i, d, substring(d from '^[0-9]+\\.[0-9]+\\.[0-9]+'), st, r, r + interval '3 days',
           CASE WHEN st <> 'received' THEN r + interval '1 day' END, CASE WHEN st IN ('closed', 'rejected') THEN r + interval '20 days' END
    FROM (SELECT i, (${desa})[1 + i % ${s.desa.length}] AS d, (${statuses})[1 + i % 6] AS st,
                 ${now}::timestamptz - (i % 400) * interval '1 day' - (i % 24) * interval '1 hour' AS r
          FROM generate_series(1, ${s.reports}) AS i) x`);
  // Forwards: every forwarded, answered or closed report goes to one agency; answered ones have a first response.
  await db.execute(sql`
    INSERT INTO report_forwards (tenant, report_id, agency_id, instruction, forwarded_at, response_due_at, first_response_at)
    SELECT p.tenant, p.id, (${agencies})[1 + (substring(p.tracking_code from 3)::int / 6) % ${s.agencyIds.length}]::uuid, 'Mohon ditindaklanjuti',
           p.verified_at, p.verified_at + interval '7 days', CASE WHEN p.status IN ('in_handling', 'closed') THEN p.verified_at + interval '2 days' END
    FROM public_reports p WHERE p.tenant = ${s.tenant} AND p.tracking_code LIKE 'BN%' AND p.status IN ('forwarded', 'in_handling', 'closed')`);
  await db.execute(sql`
    INSERT INTO cases (tenant, code, origin, status, trafficking_status, region_code, owner_id, owner_agency_id, created_by, created_at)
    SELECT ${s.tenant}, 'KS-BN' || lpad(i::text, 8, '0'), 'walk_in', (ARRAY['open','under_assessment','active','closed'])[1 + i % 4],
           (ARRAY['potential','presumed','confirmed','not_victim'])[1 + i % 4], (${desa})[1 + i % ${s.desa.length}], ${s.staffId},
           (${agencies})[1]::uuid, ${s.staffId}, ${now}::timestamptz - (i % 700) * interval '1 day'
    FROM generate_series(1, ${s.cases}) AS i`);
  // A service per case, due around today; a referral for every fifth case, due around now.
  await db.execute(sql`
    INSERT INTO case_services (tenant, case_id, type, status, due_date)
    SELECT c.tenant, c.id, 'shelter', (ARRAY['planned','in_progress','delivered','cancelled'])[1 + n % 4],
           (${now}::timestamptz AT TIME ZONE 'Asia/Jakarta')::date + (n % 60 - 30)::int
    FROM (SELECT c.*, row_number() OVER (ORDER BY c.code) AS n FROM cases c WHERE c.tenant = ${s.tenant} AND c.code LIKE 'KS-BN%') c`);
  await db.execute(sql`
    INSERT INTO case_referrals (tenant, case_id, scope, from_user_id, to_agency_id, reason, status, sent_at, respond_due_at)
    SELECT c.tenant, c.id, 'case', ${s.staffId}, (${agencies})[1 + n % ${s.agencyIds.length}]::uuid, 'AdditionalServicesRequired',
           (ARRAY['sent','accepted','rejected','completed'])[1 + n % 4], ${now}::timestamptz - interval '5 days',
           ${now}::timestamptz + (n % 10 - 5) * interval '1 day'
    FROM (SELECT c.*, row_number() OVER (ORDER BY c.code) AS n FROM cases c WHERE c.tenant = ${s.tenant} AND c.code LIKE 'KS-BN%') c
    WHERE n % 5 = 0`);
  // Sessions over the last two years, mostly held, in the first four fifths of the desa.
  await db.execute(sql`
    INSERT INTO outreach_sessions (id, tenant, status, starts_at, desa_code, kecamatan_code, organiser_agency_id, attendance_total, recorded_by)
    SELECT gen_random_uuid(), ${s.tenant}, (ARRAY['held','held','held','planned','cancelled'])[1 + i % 5],
           ${now}::timestamptz - (i % 730) * interval '1 day' + (i % 10) * interval '1 hour', d, substring(d from '^[0-9]+\\.[0-9]+\\.[0-9]+'),
           (${agencies})[1 + i % ${s.agencyIds.length}]::uuid, 10 + i % 40, (${recorders})[1 + i % ${s.recorderIds.length}]::uuid
    FROM (SELECT i, (${reached})[1 + i % ${Math.max(1, Math.ceil((s.desa.length * 4) / 5))}] AS d FROM generate_series(1, ${s.sessions}) AS i) x`);
  // Indicator figures (this year and last) for every third desa, so the risk rule also reads Simpul's own counts.
  const year = Number(now.slice(0, 4));
  await db.execute(sql`
    INSERT INTO village_indicators (tenant, desa_code, period, residents_abroad, non_procedural_departures, victims)
    SELECT ${s.tenant}, d.code, y::text, 40 + d.n % 200, d.n % 7, d.n % 3
    FROM unnest(${desa}) WITH ORDINALITY AS d(code, n), unnest(ARRAY[${year - 1}, ${year}]) AS y
    WHERE d.n % 3 = 0`);
  if (s.actionItems > 0) {
    const [meeting] = rowsOf<{ id: string }>(
      await db.execute(sql`INSERT INTO coordination_meetings (tenant, title, starts_at, created_by)
        VALUES (${s.tenant}, 'Rapat uji', ${now}::timestamptz - interval '40 days', ${s.staffId}) RETURNING id`),
    );
    const [decision] = rowsOf<{ id: string }>(
      await db.execute(
        sql`INSERT INTO coordination_decisions (meeting_id, seq, text) VALUES (${meeting!.id}, 1, 'Keputusan uji') RETURNING id`,
      ),
    );
    await db.execute(sql`
      INSERT INTO coordination_action_items (tenant, meeting_id, decision_id, title, owner_agency_id, due_date, status)
      SELECT ${s.tenant}, ${meeting!.id}, ${decision!.id}, 'Tindak lanjut ' || i, (${agencies})[1 + i % ${s.agencyIds.length}]::uuid,
             (${now}::timestamptz AT TIME ZONE 'Asia/Jakarta')::date + (i % 40 - 20), (ARRAY['open','in_progress','done','dropped'])[1 + i % 4]
      FROM generate_series(1, ${s.actionItems}) AS i`);
  }
}
