// Public statistics and open data (issue 11): the last twelve complete months (WIB), counted, protected by
// opendata.suppress.ts, and kept for ten minutes so the public cannot hammer the database. The running
// month is never published: comparing today's figures with tomorrow's would reveal a single new report.
import type { Locale } from "../../../core/i18n/errors";
import type { AppContext } from "../../context";
import { csvField } from "../../lib/csv";
import { uiWord } from "../../lib/ui-words";
import { REPORT_CATEGORIES } from "../../../core/reports";
import { listChildren } from "../regions/regions.service";
import { caseCounts, type GroupCount, outreachCounts, type Period, reportCounts } from "./opendata.repo";
import type { StatisticsView, TableId, TableView } from "./opendata.schema";
import { type Protected, protect, protectLinked, ROUNDING_BASE, THRESHOLD } from "./opendata.suppress";

/** How long computed tables are served before the database is asked again. */
export const CACHE_MS = 10 * 60_000;
const MONTHS = 12;
/** Reports whose place is not a kecamatan of the regency (elsewhere, abroad, not said). */
export const UNKNOWN_KECAMATAN = "unknown";

type Column = { key: string; label: { id: string; en: string } };
type Computed = { id: TableId; columns: Column[]; table: Protected };
type Snapshot = { at: number; periodKey: string; months: string[]; tables: Computed[]; regency: string; generatedAt: string };

const cache = new WeakMap<AppContext, Snapshot>();
const inFlight = new WeakMap<AppContext, Promise<Snapshot>>();

/** The twelve complete WIB months before the running one: [first day 00:00 WIB, first day of this month 00:00 WIB). */
export function periodBefore(now: Date): Period & { months: string[] } {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  const y = wib.getUTCFullYear();
  const m = wib.getUTCMonth();
  const start = (k: number) => new Date(Date.UTC(y, m - k, 1) - 7 * 3_600_000);
  const months = Array.from({ length: MONTHS }, (_, k) => {
    const d = new Date(Date.UTC(y, m - MONTHS + k, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
  return { from: start(MONTHS), to: start(0), months };
}

function grid(
  months: string[],
  columns: string[],
  counts: { month: string; key: string | null; n: number }[],
  keyOf = (k: string | null) => k,
): number[][] {
  const cells = months.map(() => new Array<number>(columns.length).fill(0));
  for (const c of counts) {
    const i = months.indexOf(c.month);
    const j = columns.indexOf(keyOf(c.key) ?? "");
    if (i >= 0 && j >= 0) cells[i]![j]! += c.n;
  }
  return cells;
}

const both = (key: string) => ({ id: uiWord("id", key), en: uiWord("en", key) });

async function compute(ctx: AppContext, now: Date): Promise<Snapshot> {
  const tenant = ctx.config.regency;
  const period = periodBefore(now);
  const kecamatan = (await listChildren(ctx.db, tenant)).filter((r) => r.level === "kecamatan");
  const kecCodes = kecamatan.map((k) => k.code);
  const kecColumns: Column[] = kecamatan.map((k) => ({ key: k.code, label: { id: k.name, en: k.name } }));
  const [byKec, byCategory, outreach, caseRows] = await Promise.all([
    reportCounts(ctx.db, tenant, period, "kecamatan"),
    reportCounts(ctx.db, tenant, period, "category"),
    outreachCounts(ctx.db, tenant, period),
    caseCounts(ctx.db, tenant, period),
  ]);
  const reportKeys = [...kecCodes, UNKNOWN_KECAMATAN];
  const toKnown = (k: string | null) => (k && kecCodes.includes(k) ? k : UNKNOWN_KECAMATAN);
  const categories = [...REPORT_CATEGORIES];
  // The two report tables have the same month totals: protected together.
  const [reportsKec, reportsCat] = protectLinked(
    [grid(period.months, reportKeys, byKec, toKnown), grid(period.months, categories, byCategory)],
    [reportKeys.length, categories.length],
  );
  const sessions: GroupCount[] = outreach.map((o) => ({ month: o.month, key: o.key, n: o.sessions }));
  const participants: GroupCount[] = outreach.map((o) => ({ month: o.month, key: o.key, n: o.participants }));
  return {
    at: now.getTime(),
    periodKey: period.months[0]!,
    months: period.months,
    regency: tenant,
    generatedAt: now.toISOString(),
    tables: [
      {
        id: "reports-kecamatan",
        columns: [...kecColumns, { key: UNKNOWN_KECAMATAN, label: both("statistics.unknownKecamatan") }],
        table: reportsKec!,
      },
      {
        id: "reports-category",
        columns: categories.map((c) => ({ key: c, label: both(`report.category.${c}.label`) })),
        table: reportsCat!,
      },
      { id: "outreach-sessions", columns: kecColumns, table: protect(grid(period.months, kecCodes, sessions), kecCodes.length) },
      { id: "outreach-participants", columns: kecColumns, table: protect(grid(period.months, kecCodes, participants), kecCodes.length) },
      {
        id: "cases",
        columns: [{ key: "cases", label: both("statistics.casesColumn") }],
        table: protect(
          grid(period.months, ["cases"], caseRows, () => "cases"),
          1,
        ),
      },
    ],
  };
}

/** The snapshot, computed at most once per CACHE_MS (and again when a month ends); concurrent callers share one computation. */
async function snapshot(ctx: AppContext, now: Date): Promise<Snapshot> {
  const hit = cache.get(ctx);
  if (hit && now.getTime() - hit.at < CACHE_MS && hit.periodKey === periodBefore(now).months[0]) return hit;
  const running = inFlight.get(ctx);
  if (running) return running;
  const next = compute(ctx, now)
    .then((s) => {
      cache.set(ctx, s);
      return s;
    })
    .finally(() => inFlight.delete(ctx));
  inFlight.set(ctx, next);
  return next;
}

/** Forget the cached tables (tests). */
export function clearStatisticsCache(ctx: AppContext): void {
  cache.delete(ctx);
}

function view(c: Computed, months: string[], locale: Locale): TableView {
  return {
    id: c.id,
    rows: months,
    columns: c.columns.map((col) => ({ key: col.key, label: col.label[locale] })),
    cells: c.table.cells,
    rowTotals: c.table.rowTotals,
    columnTotals: c.table.columnTotals,
    total: c.table.total,
  };
}

export async function publicStatistics(ctx: AppContext, locale: Locale, now = new Date()): Promise<StatisticsView> {
  const s = await snapshot(ctx, now);
  return {
    generatedAt: s.generatedAt,
    period: { from: s.months[0]!, to: s.months[s.months.length - 1]! },
    threshold: THRESHOLD,
    roundingBase: ROUNDING_BASE,
    tables: s.tables.map((t) => view(t, s.months, locale)),
  };
}

/** Marker of a hidden value in the CSV files ("x", as statistics offices print it). */
export const HIDDEN_MARK = "x";

/** One table as CSV (formula-safe cells; hidden values as "x"; a last row of column totals). */
export async function statisticsCsv(ctx: AppContext, id: TableId, locale: Locale, now = new Date()): Promise<string> {
  const s = await snapshot(ctx, now);
  const t = view(s.tables.find((x) => x.id === id)!, s.months, locale);
  const word = (key: string) => uiWord(locale, `statistics.csv.${key}`);
  const value = (v: number | null) => (v === null ? HIDDEN_MARK : v);
  const lines = [
    [word("month"), ...t.columns.map((c) => c.label), word("total")],
    ...t.rows.map((month, i) => [month, ...t.cells[i]!.map(value), value(t.rowTotals[i]!)]),
    [word("total"), ...t.columnTotals.map(value), value(t.total)],
  ];
  return `${lines.map((l) => l.map((v) => csvField(v)).join(",")).join("\r\n")}\r\n`;
}
