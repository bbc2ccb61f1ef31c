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
  const row = (key: string, count: number): Row => ({ label: t(`periodic.doc.row.${key}`), count });
  const counts = (items: Count[], keyOf: (k: string) => string): Row[] => items.map((c) => ({ label: t(keyOf(c.key)), count: c.count }));
  const named = (items: NamedCount[]): Row[] =>
    items.map((c) => ({ label: c.code ? c.name : t("periodic.doc.unknownKecamatan"), count: c.count }));
  return [
    {
      id: "reports",
      title: t("periodic.doc.section.reports"),
      rows: [
        row("received", f.reports.received),
        row("verified", f.reports.verified),
        row("forwarded", f.reports.forwarded),
        row("answered", f.reports.answered),
        row("closed", f.reports.closed),
        row("rejected", f.reports.rejected),
        row("overdueVerification", f.reports.overdueVerification),
        row("overdueResponse", f.reports.overdueResponse),
      ],
      breakdowns: [
        { title: t("periodic.doc.byCategory"), rows: counts(f.reports.byCategory, (k) => `report.category.${k}.label`), chart: true },
        { title: t("periodic.doc.byKecamatan"), rows: named(f.reports.byKecamatan), chart: true },
      ],
    },
    {
      id: "outreach",
      title: t("periodic.doc.section.outreach"),
      rows: [
        row("sessions", f.outreach.sessions),
        row("participants", f.outreach.participants),
        row("female", f.outreach.female),
        row("male", f.outreach.male),
        row("villagesReached", f.outreach.villagesReached),
        row("programmeVillagesNeverReached", f.outreach.programmeVillagesNeverReached),
      ],
      breakdowns: [{ title: t("periodic.doc.outreachByKecamatan"), rows: named(f.outreach.byKecamatan), chart: true }],
    },
    {
      id: "cases",
      title: t("periodic.doc.section.cases"),
      note: t("periodic.doc.casesNote"),
      rows: [row("opened", f.cases.opened), row("casesClosed", f.cases.closed), row("openAtEnd", f.cases.openAtEnd)],
      breakdowns: [
        { title: t("periodic.doc.byClosureReason"), rows: counts(f.cases.byClosureReason, (k) => `cases.close.reason.${k}`), chart: false },
      ],
    },
    {
      id: "referrals",
      title: t("periodic.doc.section.referrals"),
      rows: [
        row("sent", f.referrals.sent),
        row("accepted", f.referrals.accepted),
        row("referralsRejected", f.referrals.rejected),
        row("overdue", f.referrals.overdue),
      ],
      breakdowns: [],
    },
    {
      id: "villages",
      title: t("periodic.doc.section.villages"),
      note: t("periodic.doc.villagesNote"),
      rows: [row("active", f.villages.active), row("candidate", f.villages.candidate)],
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
      rows: [
        row("created", f.actionItems.created),
        row("done", f.actionItems.done),
        row("itemsOpenAtEnd", f.actionItems.openAtEnd),
        row("overdueAtEnd", f.actionItems.overdueAtEnd),
      ],
      breakdowns: [],
    },
  ];
}

export const idNumber = new Intl.NumberFormat("id-ID");
