// XLSX export of sessions and coverage for a period, titled with the regency's name, in the console's words
// (Indonesian, or English per Accept-Language) with times and dates in WIB.
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import type { Locale } from "../../../core/i18n/errors";
import { AGE_BAND_LABELS, AGE_BANDS, AUDIENCE_LABELS, type Audience, OUTREACH_TOPICS, topicTitle } from "../../../core/outreach-topics";
import type { Principal } from "../../auth/principal";
import { regions } from "../../db/schema";
import type { AppContext } from "../../context";
import { uiWord, wibDay } from "../../lib/ui-words";
import type { AuditActor } from "../audit/audit.service";
import { coverage } from "./outreach.coverage";
import { OutreachService } from "./outreach.service";
import type { SessionView } from "./outreach.schema";
import { guardFormulas } from "../../lib/xlsx";

type Words = { id: string; en: string };
const PROGRAM: Record<string, Words> = {
  none: { id: "Belum ditetapkan", en: "Not designated" },
  candidate: { id: "Calon", en: "Candidate" },
  active: { id: "Desa Binaan aktif", en: "Active Desa Binaan" },
};
const YES_NO = { yes: { id: "Ya", en: "Yes" }, no: { id: "Tidak", en: "No" } };
const SHEETS: Words[] = [
  { id: "Sesi Sosialisasi", en: "Outreach sessions" },
  { id: "Cakupan Desa", en: "Village coverage" },
  { id: "Per Instansi", en: "By agency" },
  { id: "Per Relawan", en: "By volunteer" },
];
const SESSION_WORDS: Words[] = [
  { id: "Tanggal & Jam (WIB)", en: "Date & time (WIB)" },
  { id: "Status", en: "Status" },
  { id: "Kecamatan", en: "Kecamatan" },
  { id: "Desa", en: "Desa" },
  { id: "Tempat", en: "Venue" },
  { id: "Penyelenggara", en: "Organiser" },
  { id: "Penyelenggara Bersama", en: "Co-organisers" },
  { id: "Fasilitator", en: "Facilitators" },
  { id: "Sasaran", en: "Audiences" },
  ...AGE_BANDS.map((b) => ({ id: `Perempuan ${AGE_BAND_LABELS[b]}`, en: `Female ${AGE_BAND_LABELS[b]}` })),
  ...AGE_BANDS.map((b) => ({ id: `Laki-laki ${AGE_BAND_LABELS[b]}`, en: `Male ${AGE_BAND_LABELS[b]}` })),
  { id: "Jumlah Perempuan", en: "Female total" },
  { id: "Jumlah Laki-laki", en: "Male total" },
  { id: "Jumlah Peserta", en: "Participants" },
  { id: "Materi/Topik", en: "Topics" },
  { id: "Bahan yang Digunakan", en: "Materials used" },
  { id: "Tindak Lanjut", en: "Follow-ups" },
  { id: "Nilai Pre-test", en: "Pre-test score" },
  { id: "Nilai Post-test", en: "Post-test score" },
  { id: "Dicatat oleh", en: "Recorded by" },
];
const COVERAGE_WORDS: Words[] = [
  { id: "Kode Desa", en: "Desa code" },
  { id: "Desa", en: "Desa" },
  { id: "Kecamatan", en: "Kecamatan" },
  { id: "Status Desa Binaan", en: "Desa Binaan status" },
  { id: "Jumlah Penduduk", en: "Population" },
  { id: "Jumlah Sesi", en: "Sessions" },
  { id: "Orang Terjangkau", en: "People reached" },
  { id: "Per 1.000 Penduduk", en: "Per 1,000 residents" },
  { id: "Sesi Terakhir", en: "Last session" },
  { id: "Hari Sejak Sesi Terakhir", en: "Days since last session" },
  { id: "Belum Pernah Dijangkau", en: "Never reached" },
  { id: "Tidak Dijangkau 90 Hari Terakhir", en: "Not reached in the last 90 days" },
];
const AGENCY_WORDS: Words[] = [
  { id: "Instansi", en: "Agency" },
  { id: "Jumlah Sesi", en: "Sessions" },
  { id: "Orang Terjangkau", en: "People reached" },
  { id: "Desa Dijangkau", en: "Desa reached" },
];
const VOLUNTEER_WORDS: Words[] = [
  { id: "Relawan", en: "Volunteer" },
  { id: "Jumlah Sesi", en: "Sessions" },
  { id: "Orang Terjangkau", en: "People reached" },
  { id: "Desa Dijangkau", en: "Desa reached" },
  { id: "Sesi Terakhir", en: "Last session" },
];
const TITLES = {
  sessions: { id: "Sesi sosialisasi pencegahan TPPO", en: "Trafficking-prevention outreach sessions" },
  coverage: { id: "Cakupan sosialisasi per desa", en: "Outreach coverage by desa" },
  agencies: { id: "Sosialisasi per instansi penyelenggara", en: "Outreach by organising agency" },
  volunteers: { id: "Sosialisasi per relawan", en: "Outreach by volunteer" },
} satisfies Record<string, Words>;

/** The Indonesian sheet names and headers (the default language of the export). */
export const EXPORT_SHEETS = SHEETS.map((w) => w.id);
export const SESSION_HEADERS = SESSION_WORDS.map((w) => w.id);
export const COVERAGE_HEADERS = COVERAGE_WORDS.map((w) => w.id);

function periodText(q: { from?: string; to?: string }, locale: Locale): string {
  const en = locale === "en";
  if (q.from && q.to) return en ? `${q.from} to ${q.to}` : `${q.from} s.d. ${q.to}`;
  if (q.from) return en ? `from ${q.from}` : `sejak ${q.from}`;
  if (q.to) return en ? `until ${q.to}` : `sampai ${q.to}`;
  return en ? "all time" : "seluruh periode";
}

function addSheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[], rows: (string | number | null)[][]) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(headers);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    c.alignment = { wrapText: true, vertical: "top" };
  });
  for (const r of rows) ws.addRow(r);
  ws.views = [{ state: "frozen", ySplit: 3 }];
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(10, h.length + 2));
  });
  return ws;
}

/**
 * Sessions and coverage for a period, in the console's words and WIB: Indonesian by default, English when
 * the request asks for it (`Accept-Language: en`).
 */
export async function exportXlsx(
  ctx: AppContext,
  p: Principal,
  actor: AuditActor,
  q: { from?: string; to?: string },
  locale: Locale = "id",
): Promise<{ buffer: Buffer; filename: string }> {
  const w = (words: Words) => words[locale];
  const yesNo = (v: boolean) => w(v ? YES_NO.yes : YES_NO.no);
  const [regency] = await ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.code, ctx.config.regency));
  const regencyName = regency?.name ?? ctx.config.regency;
  const svc = new OutreachService(ctx);
  const sessions: SessionView[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await svc.list(p, { ...q, limit: 500, offset });
    sessions.push(...page.items);
    if (page.items.length < 500) break;
  }
  sessions.reverse(); // oldest first in a report
  const cov = await coverage(ctx, p, q);
  const period = periodText(q, locale);

  const wb = new ExcelJS.Workbook();
  wb.creator = "Simpul";
  wb.title = `${locale === "en" ? "Outreach" : "Sosialisasi"} ${regencyName} ${period}`;
  addSheet(
    wb,
    w(SHEETS[0]!),
    `${regencyName} — ${w(TITLES.sessions)}, ${period}`,
    SESSION_WORDS.map(w),
    sessions.map((s) => [
      s.localStart,
      uiWord(locale, `outreach.status.${s.status}`),
      s.kecamatanName,
      s.desaName,
      s.venue,
      s.organiser?.name ?? null,
      [...s.coOrganisers.map((c) => c.name), ...s.coOrganiserOthers].join("; "),
      s.facilitators.join("; "),
      s.audiences.map((a) => AUDIENCE_LABELS[a as Audience]?.[locale] ?? a).join("; "),
      ...AGE_BANDS.map((b) => s.attendance.female?.[b] ?? 0),
      ...AGE_BANDS.map((b) => s.attendance.male?.[b] ?? 0),
      s.attendanceTotals.female,
      s.attendanceTotals.male,
      s.attendanceTotals.total,
      s.topics.map((t) => (locale === "en" ? (OUTREACH_TOPICS.find((x) => x.code === t)?.titleEn ?? t) : topicTitle(t))).join("; "),
      s.materials.join("; "),
      s.followUps,
      s.quiz?.preScore ?? null,
      s.quiz?.postScore ?? null,
      s.recordedBy.displayName,
    ]),
  );
  addSheet(
    wb,
    w(SHEETS[1]!),
    `${regencyName} — ${w(TITLES.coverage)}, ${period}`,
    COVERAGE_WORDS.map(w),
    cov.villages.map((v) => [
      v.code,
      v.name,
      v.kecamatanName,
      PROGRAM[v.status] ? w(PROGRAM[v.status]!) : v.status,
      v.population,
      v.sessions,
      v.peopleReached,
      v.per1000,
      v.lastSessionAt ? wibDay(v.lastSessionAt) : null,
      v.daysSinceLast,
      yesNo(v.neverReached),
      yesNo(v.notReachedRecently),
    ]),
  );
  addSheet(
    wb,
    w(SHEETS[2]!),
    `${regencyName} — ${w(TITLES.agencies)}, ${period}`,
    AGENCY_WORDS.map(w),
    cov.byAgency.map((a) => [a.name, a.sessions, a.peopleReached, a.desaReached]),
  );
  addSheet(
    wb,
    w(SHEETS[3]!),
    `${regencyName} — ${w(TITLES.volunteers)}, ${period}`,
    VOLUNTEER_WORDS.map(w),
    cov.byVolunteer.map((v) => [v.name, v.sessions, v.peopleReached, v.desaReached, v.lastSessionAt ? wibDay(v.lastSessionAt) : null]),
  );
  const buffer = Buffer.from(await guardFormulas(wb).xlsx.writeBuffer());
  // Exports are audited: who took which period out of the system.
  await ctx.withAudit(
    actor,
    {
      action: "outreach.export",
      resourceType: "outreach_session",
      details: { from: q.from ?? null, to: q.to ?? null, sessions: sessions.length },
    },
    async () => {},
  );
  const slug = [q.from, q.to].filter(Boolean).join("_") || "semua";
  return { buffer, filename: `sosialisasi-${ctx.config.regency}-${slug}.xlsx` };
}
