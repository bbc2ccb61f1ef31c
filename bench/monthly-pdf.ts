/**
 * Seconds to generate one monthly report on the embedded database: the aggregate queries, the PDF (pdfmake
 * with ECharts SVG charts), the XLSX, and storing both sealed (what a coordinator waits for after "generate
 * now"). Seeds with the dashboard benchmark's seed (bench/dashboard-seed.ts) at a size the embedded database
 * seeds in reasonable time: 20,000 reports, 2,000 cases, 10,000 outreach sessions, 500 action items, spread
 * over the past months; the report is last month's. Target (issue 11): a monthly PDF in 5 s or less.
 * `npm run bench -- monthly-pdf`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/server/config";
import { createContext } from "../src/server/context";
import { SYSTEM_ACTOR } from "../src/server/modules/audit/audit.service";
import { figuresFor, periodOf, previousPeriods } from "../src/server/modules/periodic/periodic.figures";
import { generateReport } from "../src/server/modules/periodic/periodic.service";
import { seedForDashboard } from "./dashboard-seed";
import { fmt, freshPglite, median } from "./lib";

const RUNS = 7;
const SIZES = { reports: 20_000, cases: 2_000, sessions: 10_000, actionItems: 500 };

export async function run(): Promise<Record<string, number>> {
  const db = await freshPglite();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-monthly-"));
  const ctx = await createContext(
    loadConfig({ SIMPUL_DATA_DIR: dir, SIMPUL_LOG_LEVEL: "silent", SIMPUL_SEED_REGIONS: "none" }, { demo: false, jobs: false }),
    db,
  );
  const T = ctx.config.regency;
  const s0 = performance.now();
  await seedForDashboard(db, ctx, SIZES);
  const seedMs = performance.now() - s0;

  const month = previousPeriods(new Date()).month;
  const period = periodOf("month", month)!;
  const figureMs: number[] = [];
  const totalMs: number[] = [];
  let pdfBytes = 0;
  let figures = await figuresFor(ctx.db, T, period);
  for (let i = 0; i < RUNS; i++) {
    const f0 = performance.now();
    figures = await figuresFor(ctx.db, T, period);
    figureMs.push(performance.now() - f0);
    const t0 = performance.now();
    const out = await generateReport(ctx, SYSTEM_ACTOR, "month", month, null, new Date());
    totalMs.push(performance.now() - t0);
    pdfBytes = out!.pdf.size;
  }
  await ctx.jobs.stop();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const result = {
    seedSeconds: seedMs / 1000,
    medianSeconds: median(totalMs) / 1000,
    firstSeconds: totalMs[0]! / 1000,
    figuresMedianMs: median(figureMs),
    pdfKiB: pdfBytes / 1024,
  };
  console.log(`  seeded with bench/dashboard-seed.ts in ${fmt(result.seedSeconds, 1)} s; report of ${month}`);
  console.log(
    `  monthly report (figures + PDF + XLSX + sealed store), ${RUNS} runs: median ${fmt(result.medianSeconds, 2)} s (first ${fmt(result.firstSeconds, 2)} s); target ≤ 5 s`,
  );
  console.log(
    `  the month holds ${fmt(figures.reports.received)} reports, ${fmt(figures.outreach.sessions)} sessions, ${fmt(figures.cases.opened)} new cases`,
  );
  console.log(`  of which the aggregate queries: median ${fmt(result.figuresMedianMs, 0)} ms; PDF ${fmt(result.pdfKiB, 0)} KiB`);
  return result;
}
