// The monthly or annual report as a workbook: a summary sheet with every section of the PDF (same words,
// same order: periodic.present.ts) as numbers, and the trend per day or month. Text cells are guarded
// against formulas (lib/xlsx.ts); counts stay numbers (formatted #,##0, shown with the reader's separators).
import ExcelJS from "exceljs";
import type { Locale } from "../../../core/i18n/errors";
import { uiWords, wibDateTime } from "../../lib/ui-words";
import { guardFormulas } from "../../lib/xlsx";
import type { PeriodicPdfInput } from "./periodic.pdf";
import { periodLabel, sectionsOf } from "./periodic.present";

const BAND = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCEFF1" } } as const;

export async function periodicXlsx(input: Omit<PeriodicPdfInput, "logo">): Promise<Buffer> {
  const locale: Locale = input.locale ?? "id";
  const t = uiWords(locale);
  const label = periodLabel(input.period, locale);
  const title = input.period.kind === "month" ? t("periodic.doc.titleMonth") : t("periodic.doc.titleYear");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Simpul";
  wb.title = `${title} ${input.regencyName} ${label}`;

  const ws = wb.addWorksheet(t("periodic.doc.sheetSummary"));
  ws.getColumn(1).width = 52;
  ws.getColumn(2).width = 14;
  ws.addRow([`${title} — ${input.regencyName}`]).font = { bold: true, size: 13 };
  ws.addRow([t("periodic.doc.periodLine", { period: label })]);
  ws.addRow([t("periodic.doc.generatedLine", { at: wibDateTime(locale, input.generatedAt) })]);
  const put = (text: string, count: number) => {
    const r = ws.addRow([text, count]);
    r.getCell(2).numFmt = "#,##0";
  };
  sectionsOf(input.figures, locale).forEach((s, i) => {
    ws.addRow([]);
    const h = ws.addRow([`${i + 1}. ${s.title}`, t("periodic.doc.count")]);
    h.font = { bold: true };
    h.eachCell((c) => {
      c.fill = BAND;
    });
    if (s.note) ws.addRow([s.note]).font = { italic: true, size: 9 };
    for (const r of s.rows) put(r.label, r.count);
    for (const b of s.breakdowns) {
      ws.addRow([b.title]).font = { bold: true, italic: true };
      for (const r of b.rows) put(`   ${r.label}`, r.count);
    }
  });

  const tr = wb.addWorksheet(t("periodic.doc.section.trend"));
  tr.columns = [
    { header: t("periodic.period"), width: 14 },
    { header: t("periodic.doc.row.reports.received"), width: 20 },
    { header: t("periodic.doc.row.outreach.sessions"), width: 26 },
  ];
  tr.getRow(1).font = { bold: true };
  for (const b of input.figures.trend) tr.addRow([b.label, b.reports, b.sessions]);

  return Buffer.from(await guardFormulas(wb).xlsx.writeBuffer());
}
