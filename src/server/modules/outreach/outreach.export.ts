// XLSX export of sessions and coverage for a period, with Indonesian headers and the regency's name.
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { AGE_BAND_LABELS, AGE_BANDS, AUDIENCE_LABELS, type Audience, topicTitle } from "../../../core/outreach-topics";
import type { Principal } from "../../auth/principal";
import { regions } from "../../db/schema";
import type { AppContext } from "../../context";
import type { AuditActor } from "../audit/audit.service";
import { coverage } from "./outreach.coverage";
import { OutreachService } from "./outreach.service";
import type { SessionView } from "./outreach.schema";
import { guardFormulas } from "../../lib/xlsx";

const STATUS_ID = { planned: "Direncanakan", held: "Terlaksana", cancelled: "Batal" } as const;
const PROGRAM_ID: Record<string, string> = { none: "Belum ditetapkan", candidate: "Calon", active: "Desa Binaan aktif" };

export const EXPORT_SHEETS = ["Sesi Sosialisasi", "Cakupan Desa", "Per Instansi", "Per Relawan"] as const;
export const SESSION_HEADERS = [
  "Tanggal & Jam (WIB)",
  "Status",
  "Kecamatan",
  "Desa",
  "Tempat",
  "Penyelenggara",
  "Penyelenggara Bersama",
  "Fasilitator",
  "Sasaran",
  ...AGE_BANDS.map((b) => `Perempuan ${AGE_BAND_LABELS[b]}`),
  ...AGE_BANDS.map((b) => `Laki-laki ${AGE_BAND_LABELS[b]}`),
  "Jumlah Perempuan",
  "Jumlah Laki-laki",
  "Jumlah Peserta",
  "Materi/Topik",
  "Bahan yang Digunakan",
  "Tindak Lanjut",
  "Nilai Pre-test",
  "Nilai Post-test",
  "Dicatat oleh",
];
export const COVERAGE_HEADERS = [
  "Kode Desa",
  "Desa",
  "Kecamatan",
  "Status Desa Binaan",
  "Jumlah Penduduk",
  "Jumlah Sesi",
  "Orang Terjangkau",
  "Per 1.000 Penduduk",
  "Sesi Terakhir",
  "Hari Sejak Sesi Terakhir",
  "Belum Pernah Dijangkau",
  "Tidak Dijangkau 90 Hari Terakhir",
];

function periodText(q: { from?: string; to?: string }): string {
  if (q.from && q.to) return `${q.from} s.d. ${q.to}`;
  if (q.from) return `sejak ${q.from}`;
  if (q.to) return `sampai ${q.to}`;
  return "seluruh periode";
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

export async function exportXlsx(ctx: AppContext, p: Principal, actor: AuditActor, q: { from?: string; to?: string }): Promise<{ buffer: Buffer; filename: string }> {
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
  const period = periodText(q);

  const wb = new ExcelJS.Workbook();
  wb.creator = "Simpul";
  wb.title = `Sosialisasi ${regencyName} ${period}`;
  addSheet(
    wb,
    EXPORT_SHEETS[0],
    `${regencyName} — Sesi sosialisasi pencegahan TPPO, ${period}`,
    SESSION_HEADERS,
    sessions.map((s) => [
      s.localStart,
      STATUS_ID[s.status],
      s.kecamatanName,
      s.desaName,
      s.venue,
      s.organiser?.name ?? null,
      [...s.coOrganisers.map((c) => c.name), ...s.coOrganiserOthers].join("; "),
      s.facilitators.join("; "),
      s.audiences.map((a) => AUDIENCE_LABELS[a as Audience]?.id ?? a).join("; "),
      ...AGE_BANDS.map((b) => s.attendance.female?.[b] ?? 0),
      ...AGE_BANDS.map((b) => s.attendance.male?.[b] ?? 0),
      s.attendanceTotals.female,
      s.attendanceTotals.male,
      s.attendanceTotals.total,
      s.topics.map(topicTitle).join("; "),
      s.materials.join("; "),
      s.followUps,
      s.quiz?.preScore ?? null,
      s.quiz?.postScore ?? null,
      s.recordedBy.displayName,
    ]),
  );
  addSheet(
    wb,
    EXPORT_SHEETS[1],
    `${regencyName} — Cakupan sosialisasi per desa, ${period}`,
    COVERAGE_HEADERS,
    cov.villages.map((v) => [
      v.code,
      v.name,
      v.kecamatanName,
      PROGRAM_ID[v.status] ?? v.status,
      v.population,
      v.sessions,
      v.peopleReached,
      v.per1000,
      v.lastSessionAt ? v.lastSessionAt.slice(0, 10) : null,
      v.daysSinceLast,
      v.neverReached ? "Ya" : "Tidak",
      v.notReachedRecently ? "Ya" : "Tidak",
    ]),
  );
  addSheet(
    wb,
    EXPORT_SHEETS[2],
    `${regencyName} — Sosialisasi per instansi penyelenggara, ${period}`,
    ["Instansi", "Jumlah Sesi", "Orang Terjangkau", "Desa Dijangkau"],
    cov.byAgency.map((a) => [a.name, a.sessions, a.peopleReached, a.desaReached]),
  );
  addSheet(
    wb,
    EXPORT_SHEETS[3],
    `${regencyName} — Sosialisasi per relawan, ${period}`,
    ["Relawan", "Jumlah Sesi", "Orang Terjangkau", "Desa Dijangkau", "Sesi Terakhir"],
    cov.byVolunteer.map((v) => [v.name, v.sessions, v.peopleReached, v.desaReached, v.lastSessionAt?.slice(0, 10) ?? null]),
  );
  const buffer = Buffer.from(await guardFormulas(wb).xlsx.writeBuffer());
  // Exports are audited: who took which period out of the system.
  await ctx.withAudit(actor, { action: "outreach.export", resourceType: "outreach_session", details: { from: q.from ?? null, to: q.to ?? null, sessions: sessions.length } }, async () => {});
  const slug = [q.from, q.to].filter(Boolean).join("_") || "semua";
  return { buffer, filename: `sosialisasi-${ctx.config.regency}-${slug}.xlsx` };
}
