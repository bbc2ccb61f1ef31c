// The figures as the documents show them: titled sections of labelled counts and breakdown tables, in
// the console's words (lib/ui-words.ts). The PDF and the XLSX both lay out this one list, so they always
// say the same thing in the same order.
import type { Locale } from "../../../core/i18n/errors";
import { RISK_LEVELS } from "../../../core/village-risk";
import { uiWords } from "../../lib/ui-words";
import type { Count, Figures, NamedCount, Period } from "./periodic.figures";

export type Row = { label: string; count: number };
export type Breakdown = { title: string; rows: Row[]; chart: boolean };
export type Section = { id: string; title: string; rows: Row[]; breakdowns: Breakdown[]; note?: string };

const MONTHS = { id: "id-ID", en: "en-GB" } as const;

/** "November 2026" / "2026". */
export function periodLabel(p: Pick<Period, "kind" | "period">, locale: Locale = "id"): string {
  if (p.kind === "year") return p.period;
  const [y, m] = p.period.split("-").map(Number);
  return new Intl.DateTimeFormat(MONTHS[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y!, m! - 1, 1));
}

export function sectionsOf(f: Figures, locale: Locale = "id"): Section[] {
  const t = uiWords(locale);
  // The section's headline counts, labelled `periodic.doc.row.<section>.<field>`.
  const rowsOf = <F extends Record<string, unknown>>(section: string, figures: F, keys: (keyof F & string)[]): Row[] =>
    keys.map((k) => ({ label: t(`periodic.doc.row.${section}.${k}`), count: figures[k] as number }));
  const counts = (items: Count[], keyOf: (k: string) => string): Row[] => items.map((c) => ({ label: t(keyOf(c.key)), count: c.count }));
  const named = (items: NamedCount[]): Row[] =>
    items.map((c) => ({ label: c.code ? c.name : t("periodic.doc.unknownKecamatan"), count: c.count }));
  return [
    {
      id: "reports",
      title: t("periodic.doc.section.reports"),
      rows: rowsOf("reports", f.reports, [
        "received",
        "verified",
        "forwarded",
        "answered",
        "closed",
        "rejected",
        "overdueVerification",
        "overdueResponse",
      ]),
      breakdowns: [
        { title: t("periodic.doc.byCategory"), rows: counts(f.reports.byCategory, (k) => `report.category.${k}.label`), chart: true },
        { title: t("periodic.doc.byKecamatan"), rows: named(f.reports.byKecamatan), chart: true },
      ],
    },
    {
      id: "outreach",
      title: t("periodic.doc.section.outreach"),
      rows: rowsOf("outreach", f.outreach, [
        "sessions",
        "participants",
        "female",
        "male",
        "villagesReached",
        "programmeVillagesNeverReached",
      ]),
      breakdowns: [{ title: t("periodic.doc.outreachByKecamatan"), rows: named(f.outreach.byKecamatan), chart: true }],
    },
    {
      id: "cases",
      title: t("periodic.doc.section.cases"),
      note: t("periodic.doc.casesNote"),
      rows: rowsOf("cases", f.cases, ["opened", "closed", "openAtEnd"]),
      breakdowns: [
        { title: t("periodic.doc.byClosureReason"), rows: counts(f.cases.byClosureReason, (k) => `cases.close.reason.${k}`), chart: false },
      ],
    },
    {
      id: "referrals",
      title: t("periodic.doc.section.referrals"),
      rows: rowsOf("referrals", f.referrals, ["sent", "accepted", "rejected", "overdue"]),
      breakdowns: [],
    },
    {
      id: "villages",
      title: t("periodic.doc.section.villages"),
      note: t("periodic.doc.villagesNote"),
      rows: rowsOf("villages", f.villages, ["active", "candidate"]),
      breakdowns: [
        {
          title: t("periodic.doc.risk"),
          rows: RISK_LEVELS.map((l) => ({ label: t(`villages.risk.${l}`), count: f.villages.risk[l] })),
          chart: true,
        },
      ],
    },
    {
      id: "actionItems",
      title: t("periodic.doc.section.actionItems"),
      rows: rowsOf("actionItems", f.actionItems, ["created", "done", "openAtEnd", "overdueAtEnd"]),
      breakdowns: [],
    },
  ];
}

export const idNumber = new Intl.NumberFormat("id-ID");
