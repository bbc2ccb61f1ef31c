/**
 * Seconds to generate one monthly report on the embedded database: the aggregate queries, the PDF (pdfmake
 * with ECharts SVG charts), the XLSX, and storing both sealed (what a coordinator waits for after "generate
 * now"). Seeds a year of a busy regency itself (no shared seed script exists yet): 6,000 reports with 2,000
 * forwards, 2,400 outreach sessions, 600 cases with 900 referrals, 150 Desa Binaan with indicators, 480 action
 * items. Target (issue 11): a monthly PDF in 5 s or less. `npm run bench -- monthly-pdf`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { loadConfig } from "../src/server/config";
import { createContext } from "../src/server/context";
import { agencies, users } from "../src/server/db/schema";
import { SYSTEM_ACTOR } from "../src/server/modules/audit/audit.service";
import { figuresFor, periodOf } from "../src/server/modules/periodic/periodic.figures";
import { generateReport } from "../src/server/modules/periodic/periodic.service";
import { fmt, freshPglite, median } from "./lib";

const RUNS = 7;
const T = "36.04";

export async function run(): Promise<Record<string, number>> {
  const db = await freshPglite();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-monthly-"));
  const ctx = await createContext(loadConfig({ SIMPUL_DATA_DIR: dir, SIMPUL_LOG_LEVEL: "silent", SIMPUL_REGENCY: T }), db);
  const [agency] = await ctx.db.insert(agencies).values({ tenant: T, code: "B", name: "Bench", category: "government" }).returning();
  const [user] = await ctx.db
    .insert(users)
    .values({ tenant: T, username: "bench", displayName: "Bench", agencyId: agency!.id, roles: ["coordinator"], passwordHash: "x" })
    .returning();
  const a = agency!.id;
  const u = user!.id;
  const kec = (i: string) => sql.raw(`'${T}.' || lpad(((${i}) % 29 + 1)::text, 2, '0')`);
  const s0 = performance.now();
  await ctx.db.execute(sql`
    INSERT INTO public_reports (tenant, tracking_code, submission_hash, pin_hash, category, description, kecamatan_code,
                                received_at, verify_due_at, verified_at, status)
    SELECT ${T}, 'B' || i, md5(i::text), 'x', (ARRAY['suspicious_offer','person_in_danger_abroad','irregular_departure','other'])[i % 4 + 1],
           'x', ${kec("i")}, t, t + interval '3 days', CASE WHEN i % 3 > 0 THEN t + interval '1 day' END,
           CASE WHEN i % 3 > 0 THEN 'verified' ELSE 'received' END
    FROM generate_series(1, 6000) i, LATERAL (SELECT '2026-01-01T00:00:00+07'::timestamptz + i * interval '87 minutes' AS t) x`);
  await ctx.db.execute(sql`
    INSERT INTO report_forwards (tenant, report_id, agency_id, instruction, forwarded_at, response_due_at, first_response_at)
    SELECT ${T}, id, ${a}, 'x', received_at + interval '1 day', received_at + interval '8 days',
           CASE WHEN random() < 0.6 THEN received_at + interval '5 days' END
    FROM public_reports WHERE substr(tracking_code, 2)::int % 3 = 0`);
  await ctx.db.execute(sql`
    INSERT INTO outreach_sessions (id, tenant, starts_at, desa_code, kecamatan_code, recorded_by, attendance_total, attendance_female, attendance_male)
    SELECT gen_random_uuid(), ${T}, '2026-01-01T09:00:00+07'::timestamptz + i * interval '218 minutes',
           ${kec("i")} || '.' || (2000 + i % 12), ${kec("i")}, ${u}, 20 + i % 40, 10 + i % 20, 10 + i % 20
    FROM generate_series(1, 2400) i`);
  await ctx.db.execute(sql`
    INSERT INTO cases (tenant, code, origin, owner_id, created_at, status, closed_at, closure_reason)
    SELECT ${T}, 'KS-B' || i, 'police', ${u}, '2026-01-01T00:00:00+07'::timestamptz + i * interval '14 hours',
           CASE WHEN i % 2 = 0 THEN 'closed' ELSE 'active' END,
           CASE WHEN i % 2 = 0 THEN '2026-01-01T00:00:00+07'::timestamptz + i * interval '14 hours' + interval '20 days' END,
           CASE WHEN i % 2 = 0 THEN 'services_completed' END
    FROM generate_series(1, 600) i`);
  await ctx.db.execute(sql`
    INSERT INTO case_referrals (tenant, case_id, scope, from_user_id, to_agency_id, reason, sent_at, respond_due_at, responded_at, status)
    SELECT ${T}, c.id, 'case', ${u}, ${a}, 'Other', c.created_at + k * interval '2 days', c.created_at + k * interval '2 days' + interval '3 days',
           CASE WHEN k < 3 THEN c.created_at + k * interval '2 days' + interval '1 day' END, CASE WHEN k < 3 THEN 'accepted' ELSE 'sent' END
    FROM cases c, generate_series(1, 3) k WHERE c.code LIKE 'KS-B%' AND (substr(c.code, 5)::int % 2 = 0 OR k = 1)`);
  await ctx.db.execute(sql`
    INSERT INTO village_programs (tenant, desa_code, status)
    SELECT ${T}, ${kec("i")} || '.' || (2000 + i % 12), CASE WHEN i % 3 = 0 THEN 'candidate' ELSE 'active' END
    FROM generate_series(1, 150) i ON CONFLICT DO NOTHING`);
  await ctx.db.execute(sql`
    INSERT INTO village_indicators (tenant, desa_code, period, victims, residents_abroad)
    SELECT ${T}, desa_code, p, (length(desa_code) + ascii(right(desa_code, 1))) % 3, 40 + ascii(right(desa_code, 1)) % 30
    FROM village_programs, unnest(ARRAY['2026-S1', '2026-S2']) p ON CONFLICT DO NOTHING`);
  await ctx.db.execute(sql`
    WITH m AS (INSERT INTO coordination_meetings (tenant, title, starts_at, created_by)
               SELECT ${T}, 'Rapat ' || i, '2026-01-05T09:00:00+07'::timestamptz + i * interval '15 days', ${u} FROM generate_series(0, 23) i RETURNING id, starts_at),
         d AS (INSERT INTO coordination_decisions (meeting_id, seq, text) SELECT id, 1, 'x' FROM m RETURNING id, meeting_id)
    INSERT INTO coordination_action_items (tenant, meeting_id, decision_id, title, owner_agency_id, due_date, status, created_at, completed_at)
    SELECT ${T}, d.meeting_id, d.id, 'x', ${a}, (m.starts_at + k * interval '3 days')::date,
           CASE WHEN k % 2 = 0 THEN 'done' ELSE 'open' END, m.starts_at, CASE WHEN k % 2 = 0 THEN m.starts_at + k * interval '2 days' END
    FROM d JOIN m ON m.id = d.meeting_id, generate_series(1, 20) k`);
  const seedMs = performance.now() - s0;

  const period = periodOf("month", "2026-10")!;
  const figureMs: number[] = [];
  const totalMs: number[] = [];
  let pdfBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const f0 = performance.now();
    await figuresFor(ctx.db, T, period);
    figureMs.push(performance.now() - f0);
    const t0 = performance.now();
    const out = await generateReport(ctx, SYSTEM_ACTOR, "month", "2026-10", { userId: u, name: "Bench" }, new Date());
    totalMs.push(performance.now() - t0);
    pdfBytes = out!.pdf.size;
  }
  await ctx.jobs.stop();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const result = {
    seedSeconds: seedMs / 1000,
    medianSeconds: median(totalMs) / 1000,
    firstSeconds: totalMs[0]! / 1000,
    figuresMedianMs: median(figureMs),
    pdfKiB: pdfBytes / 1024,
  };
  console.log(`  seeded a year (6,000 reports, 2,400 sessions, 600 cases…) in ${fmt(result.seedSeconds, 1)} s`);
  console.log(
    `  monthly report (figures + PDF + XLSX + sealed store), ${RUNS} runs: median ${fmt(result.medianSeconds, 2)} s (first ${fmt(result.firstSeconds, 2)} s); target ≤ 5 s`,
  );
  console.log(`  of which the aggregate queries: median ${fmt(result.figuresMedianMs, 0)} ms; PDF ${fmt(result.pdfKiB, 0)} KiB`);
  return result;
}
