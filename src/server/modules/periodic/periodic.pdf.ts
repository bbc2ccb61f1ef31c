// The monthly or annual report as a PDF: the task force's letterhead with the regency's emblem slot, the
// period (WIB), then one section per domain (counts, breakdown tables and ECharts SVG charts). pdfmake and
// its fonts come from lib/pdf.ts (nothing downloaded). Indonesian, numbers in id-ID format.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Locale } from "../../../core/i18n/errors";
import { letterhead, renderPdf } from "../../lib/pdf";
import { uiWords, wibDateTime } from "../../lib/ui-words";
import { barChart, lineChart } from "./periodic.charts";
import type { Figures, Period } from "./periodic.figures";
import { idNumber, periodLabel, type Row, sectionsOf } from "./periodic.present";

export type PeriodicPdfInput = {
  period: Pick<Period, "kind" | "period">;
  figures: Figures;
  regencyName: string;
  /** A data URL of the emblem, or null for an empty slot. */
  logo: string | null;
  generatedAt: Date;
  locale?: Locale;
};

const WIDTH = 475;

function countTable(rows: Row[], head?: [string, string]): Content {
  return {
    table: {
      headerRows: head ? 1 : 0,
      widths: ["*", 80],
      body: [
        ...(head
          ? [
              [
                { text: head[0], bold: true },
                { text: head[1], bold: true, alignment: "right" as const },
              ],
            ]
          : []),
        ...rows.map((r) => [{ text: r.label }, { text: idNumber.format(r.count), alignment: "right" as const }]),
      ],
    },
    layout: "lightHorizontalLines",
    margin: [0, 2, 0, 8],
  };
}

export function periodicDocument(input: PeriodicPdfInput): TDocumentDefinitions {
  const locale = input.locale ?? "id";
  const t = uiWords(locale);
  const label = periodLabel(input.period, locale);
  const head: [string, string] = [t("periodic.doc.figure"), t("periodic.doc.count")];
  const content: Content[] = [
    ...letterhead(input.regencyName, input.logo, WIDTH),
    {
      text: input.period.kind === "month" ? t("periodic.doc.titleMonth") : t("periodic.doc.titleYear"),
      alignment: "center",
      bold: true,
      fontSize: 13,
      margin: [0, 14, 0, 2],
    },
    { text: t("periodic.doc.periodLine", { period: label }), alignment: "center", fontSize: 11 },
    {
      text: t("periodic.doc.generatedLine", { at: wibDateTime(locale, input.generatedAt) }),
      alignment: "center",
      fontSize: 8,
      color: "#555",
      margin: [0, 2, 0, 10],
    },
  ];
  const trend = input.figures.trend;
  content.push({ text: t("periodic.doc.section.trend"), style: "h2" });
  content.push({ text: input.period.kind === "month" ? t("periodic.doc.trendMonth") : t("periodic.doc.trendYear"), style: "h3" });
  content.push({
    svg: lineChart(
      trend.map((b) => (input.period.kind === "month" ? b.label.slice(8) : b.label.slice(5))),
      [
        { name: t("periodic.doc.row.reports.received"), values: trend.map((b) => b.reports) },
        { name: t("periodic.doc.row.outreach.sessions"), values: trend.map((b) => b.sessions) },
      ],
      WIDTH,
      190,
    ),
    width: WIDTH,
  });
  sectionsOf(input.figures, locale).forEach((s, i) => {
    content.push({ text: `${i + 1}. ${s.title}`, style: "h2" });
    if (s.note) content.push({ text: s.note, italics: true, fontSize: 8.5, color: "#444", margin: [0, 0, 0, 4] });
    content.push(countTable(s.rows, head));
    for (const b of s.breakdowns) {
      content.push({ text: b.title, style: "h3" });
      const shown = b.rows.filter((r) => r.count > 0);
      if (shown.length === 0) {
        content.push({ text: t("periodic.doc.none"), italics: true, margin: [0, 0, 0, 6] });
        continue;
      }
      if (b.chart) {
        const top = shown.slice(0, 12);
        content.push({
          svg: barChart(
            top.map((r) => ({ label: r.label, value: r.count })),
            WIDTH,
          ),
          width: WIDTH,
        });
      }
      content.push(countTable(b.rows));
    }
  });
  return {
    pageSize: "A4",
    pageMargins: [60, 50, 60, 60],
    info: {
      title: `${input.period.kind === "month" ? t("periodic.doc.titleMonth") : t("periodic.doc.titleYear")} ${label}`,
      creator: "Simpul",
    },
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.15 },
    styles: { h2: { bold: true, fontSize: 11.5, margin: [0, 12, 0, 4] }, h3: { bold: true, fontSize: 10, margin: [0, 6, 0, 2] } },
    footer: (page, pages) => ({ text: t("periodic.doc.page", { page, pages }), alignment: "center", fontSize: 8, color: "#555" }),
    content,
  };
}

export function periodicPdf(input: PeriodicPdfInput): Promise<Buffer> {
  return renderPdf(periodicDocument(input));
}
