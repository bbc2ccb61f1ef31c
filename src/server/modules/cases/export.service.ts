// HTCDS exports of one case or of every case the caller may see; each export is audited in its own
// transaction with the case ids and whether identity fields were included.
import ExcelJS from "exceljs";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { casePolicy } from "./cases.policy";
import { accessTo, caseScopeSql, findCase, listCases } from "./cases.repo";
import { presentSummaries } from "./cases.present";
import type { CaseSummary } from "./cases.schema";
import { type HtcdsCase, HTCDS_CREDIT, htcdsCase, htcdsCsv } from "./htcds";
import { guardFormulas } from "../../lib/xlsx";

export const EXPORT_LIMIT = 1000;

export type HtcdsExport = { standard: string; credit: string; generatedAt: string; identityIncluded: boolean; cases: HtcdsCase[] };

export async function exportCases(
  ctx: AppContext,
  p: Principal,
  actor: AuditActor,
  opts: { caseId?: string; status?: string; format: "json" | "csv" },
  now = new Date(),
): Promise<{ json?: HtcdsExport; csv?: string }> {
  return ctx.withAudit(
    actor,
    (r: { ids: string[]; identity: boolean }) => ({
      action: "case.export",
      resourceType: "case",
      ...(opts.caseId ? { resourceId: opts.caseId } : {}),
      details: { format: opts.format, standard: "HTCDS 2.0", cases: r.ids, identity: r.identity },
    }),
    async (tx) => {
      const rows = opts.caseId
        ? await findCase(tx, p.tenant, opts.caseId).then((c) => (c ? [{ c }] : []))
        : await listCases(tx, caseScopeSql(p), { status: opts.status, limit: EXPORT_LIMIT, offset: 0 }, now);
      const items: HtcdsCase[] = [];
      const ids: string[] = [];
      let identity = false;
      for (const { c } of rows) {
        const a = await accessTo(tx, p, c);
        if (!a) continue;
        identity ||= casePolicy.can(p, "readIdentity", a);
        items.push(await htcdsCase(ctx, tx, p, c, a));
        ids.push(c.id);
      }
      if (opts.caseId && items.length === 0) throw notFound();
      return { ids, identity, items };
    },
  ).then((r) =>
    opts.format === "csv"
      ? { csv: htcdsCsv(r.items, r.identity) }
      : { json: { standard: "HTCDS 2.0", credit: HTCDS_CREDIT, generatedAt: now.toISOString(), identityIncluded: r.identity, cases: r.items } },
  );
}

const LABELS = {
  origin: { public_report: "Pengaduan masyarakat", passport_screening: "Wawancara paspor", police: "Kepolisian", agency: "Instansi lain", walk_in: "Datang langsung" },
  status: { open: "Terbuka", under_assessment: "Asesmen", active: "Aktif", closed: "Ditutup" },
  traffickingStatus: { potential: "Potensial korban", presumed: "Diduga korban", confirmed: "Korban (ditetapkan)", not_victim: "Bukan korban" },
  priority: { low: "Rendah", normal: "Biasa", high: "Tinggi", urgent: "Mendesak" },
  access: { team: "Tim kasus", referral_case: "Rujukan (seluruh kasus)", referral_service: "Rujukan (satu layanan)", aggregate: "Agregat" },
  sex: { female: "Perempuan", male: "Laki-laki", unknown: "Tidak diketahui" },
} as const;

/** The case list as XLSX (Indonesian headers); names only where the caller may see identity. Audited as an export. */
export async function exportCaseListXlsx(ctx: AppContext, p: Principal, actor: AuditActor, status: string | undefined, now = new Date()): Promise<Buffer> {
  const items = await ctx.withAudit(
    actor,
    (r: CaseSummary[]) => ({ action: "case.export", resourceType: "case", details: { format: "xlsx", cases: r.map((c) => c.id) } }),
    async (tx) => {
      const rows = await listCases(tx, caseScopeSql(p), { status, limit: EXPORT_LIMIT, offset: 0 }, now);
      const withAccess = [];
      for (const r of rows) {
        const a = await accessTo(tx, p, r.c);
        if (a) withAccess.push({ ...r, access: a });
      }
      return presentSummaries(ctx, tx, p, withAccess);
    },
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = "Simpul";
  const ws = wb.addWorksheet("Daftar Kasus");
  ws.columns = [
    { header: "Kode Kasus", width: 16 },
    { header: "Akses Saya", width: 20 },
    { header: "Asal", width: 20 },
    { header: "Status", width: 12 },
    { header: "Status Korban", width: 20 },
    { header: "Prioritas", width: 10 },
    { header: "Wilayah", width: 16 },
    { header: "Pemilik Kasus", width: 24 },
    { header: "Instansi Pemilik", width: 28 },
    { header: "Korban", width: 30 },
    { header: "Jenis Kelamin", width: 14 },
    { header: "Kelompok Umur", width: 12 },
    { header: "Rujukan Terlambat", width: 10 },
    { header: "Layanan Terlambat", width: 10 },
    { header: "Dibuka", width: 20 },
    { header: "Diperbarui", width: 20 },
    { header: "Ditutup", width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of items) {
    ws.addRow([
      c.code,
      LABELS.access[c.access],
      LABELS.origin[c.origin],
      LABELS.status[c.status],
      LABELS.traffickingStatus[c.traffickingStatus],
      LABELS.priority[c.priority],
      c.regionCode ?? "",
      c.owner.displayName,
      c.owner.agency?.name ?? "",
      c.victims.map((v) => v.name ?? "—").join("; "),
      c.victims.map((v) => LABELS.sex[v.sex]).join("; "),
      c.victims.map((v) => v.ageBand).join("; "),
      c.overdueReferrals,
      c.overdueServices,
      c.createdAt,
      c.updatedAt,
      c.closedAt ?? "",
    ]);
  }
  return Buffer.from(await guardFormulas(wb).xlsx.writeBuffer());
}
