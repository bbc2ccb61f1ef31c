// Month-end reports. An hourly job: once a month has ended (WIB), last month's report is generated, and in
// January last year's annual report, unless a report made after the period ended is already stored. Two
// servers running it at once generate at most one stored report per period: pg-boss runs a slot once, and
// the row is claimed by the (tenant, kind, period) unique key with a conditional replace (periodic.repo.ts).
// Checking every hour, not only on the 1st, also catches up after downtime.
import type { AppContext } from "../../context";
import type { Job } from "../../jobs/jobs";
import { sweepOrphanFiles } from "../../lib/uploads/orphan-files";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { periodOf, previousPeriods } from "./periodic.figures";
import { findByPeriod } from "./periodic.repo";
import { generateReport, PDF_FOLDER, XLSX_FOLDER } from "./periodic.service";
import { periodicReports, type PeriodKind } from "./periodic.tables";

export async function generateMonthEndReports(ctx: AppContext, now: Date): Promise<{ generated: string[] }> {
  const prev = previousPeriods(now);
  const due: [PeriodKind, string][] = [["month", prev.month]];
  if (prev.wibMonth === 1) due.push(["year", prev.year]);
  const generated: string[] = [];
  for (const [kind, period] of due) {
    const existing = await findByPeriod(ctx.db, ctx.config.regency, kind, period);
    if (existing && existing.generatedAt >= periodOf(kind, period)!.to) continue;
    const out = await generateReport(ctx, SYSTEM_ACTOR, kind, period, null, now, true);
    if (out) generated.push(`${kind}:${period}`);
  }
  return { generated };
}

export function periodicJobs(ctx: AppContext): Job[] {
  return [
    { name: "periodic.month-end-reports", intervalMs: 60 * 60_000, run: (now) => generateMonthEndReports(ctx, now) },
    {
      name: "periodic.cleanup-orphan-files",
      intervalMs: 6 * 60 * 60_000,
      run: async (now) => ({
        pdf: await sweepOrphanFiles(ctx.db, ctx.config.dataDir, { folder: PDF_FOLDER, sha256: periodicReports.pdfFile }, now),
        xlsx: await sweepOrphanFiles(ctx.db, ctx.config.dataDir, { folder: XLSX_FOLDER, sha256: periodicReports.xlsxFile }, now),
      }),
    },
  ];
}
