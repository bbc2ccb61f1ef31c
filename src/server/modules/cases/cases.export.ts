// HTCDS exports of one case or of every case the caller may see, and the case list as XLSX; each export
// is audited in its own transaction with the case ids and whether identity fields were included.
import { inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Locale } from "../../../core/i18n/errors";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { regions } from "../../db/schema";
import { uiWords, wibDateTime } from "../../lib/ui-words";
import { notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { casePolicy } from "./cases.policy";
import { accessTo, caseScopeSql, findCase, listCases } from "./cases.repo";
import { presentSummaries } from "./cases.present";
import type { CaseSummary } from "./cases.schema";
import { type HtcdsCase, HTCDS_CREDIT, htcdsCase, htcdsCsv } from "./cases.htcds";
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
  return ctx
    .withAudit(
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
    )
    .then((r) =>
      opts.format === "csv"
        ? { csv: htcdsCsv(r.items, r.identity) }
        : {
            json: {
              standard: "HTCDS 2.0",
              credit: HTCDS_CREDIT,
              generatedAt: now.toISOString(),
              identityIncluded: r.identity,
              cases: r.items,
            },
          },
    );
}

/** Region names for region codes, as the console shows them (the code only when the name is unknown). */
async function regionNames(ctx: AppContext, codes: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, wanted));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * The case list as XLSX in the console's words (Indonesian, or English for `Accept-Language: en`): labels,
 * region names and times in WIB as on screen; names only where the caller may see identity. Audited as an export.
 */
export async function exportCaseListXlsx(
  ctx: AppContext,
  p: Principal,
  actor: AuditActor,
  status: string | undefined,
  locale: Locale = "id",
  now = new Date(),
): Promise<Buffer> {
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
  const t = uiWords(locale);
  const places = await regionNames(
    ctx,
    items.map((c) => c.regionCode),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = "Simpul";
  const ws = wb.addWorksheet(t("cases.xlsx.sheet"));
  ws.columns = [
    { header: t("cases.code"), width: 16 },
    { header: t("cases.xlsx.access"), width: 22 },
    { header: t("cases.originLabel"), width: 22 },
    { header: t("cases.statusLabel"), width: 12 },
    { header: t("cases.traffickingLabel"), width: 22 },
    { header: t("cases.priorityLabel"), width: 12 },
    { header: t("cases.region"), width: 28 },
    { header: t("cases.owner"), width: 24 },
    { header: t("cases.xlsx.ownerAgency"), width: 28 },
    { header: t("cases.victims"), width: 30 },
    { header: t("cases.person.sex"), width: 14 },
    { header: t("cases.person.ageBand"), width: 16 },
    { header: t("cases.xlsx.overdueReferrals"), width: 12 },
    { header: t("cases.xlsx.overdueServices"), width: 12 },
    { header: t("cases.opened"), width: 24 },
    { header: t("cases.xlsx.updated"), width: 24 },
    { header: t("cases.xlsx.closed"), width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of items) {
    ws.addRow([
      c.code,
      t(`cases.access.${c.access}`),
      t(`cases.origin.${c.origin}`),
      t(`cases.status.${c.status}`),
      t(`cases.trafficking.${c.traffickingStatus}`),
      t(`cases.priority.${c.priority}`),
      c.regionCode ? (places.get(c.regionCode) ?? c.regionCode) : "",
      c.owner.displayName,
      c.owner.agency?.name ?? "",
      c.victims.map((v) => v.name ?? "—").join("; "),
      c.victims.map((v) => t(`cases.sex.${v.sex}`)).join("; "),
      c.victims.map((v) => t(`cases.ageBand.${v.ageBand}`)).join("; "),
      c.overdueReferrals,
      c.overdueServices,
      wibDateTime(locale, c.createdAt),
      wibDateTime(locale, c.updatedAt),
      wibDateTime(locale, c.closedAt),
    ]);
  }
  return Buffer.from(await guardFormulas(wb).xlsx.writeBuffer());
}
