/**
 * Dashboard (issue 11): GET /api/dashboard per role through the real app on PostgreSQL, on a database of its
 * own seeded with 100,000 reports, 10,000 cases and 50,000 outreach sessions (bench/dashboard-seed.ts).
 * Calls are sequential (one user opening the console home); median and p95 per role.
 * Target (issue 11): p95 ≤ 150 ms per dashboard call on PostgreSQL.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApp } from "../src/server/app";
import { DEFAULT_DB_TIMEOUTS, loadConfig } from "../src/server/config";
import { createContext } from "../src/server/context";
import { type SeededRole, seedForDashboard } from "./dashboard-seed";
import { fmt, freshPg, median, percentile, pgAvailable } from "./lib";

const WARMUP = 5;
const RUNS = Number(process.env.SIMPUL_BENCH_DASHBOARD_RUNS ?? 100);

export async function run(): Promise<Record<string, number>> {
  if (!(await pgAvailable())) {
    console.log("  PostgreSQL not reachable: skipped");
    return {};
  }
  const results: Record<string, number> = {};
  // No statement timeout: seeding 100,000 reports (and their full-text index) takes longer than a request may.
  const { database, drop } = await freshPg(10, { ...DEFAULT_DB_TIMEOUTS, statementMs: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-bench-dashboard-"));
  try {
    const config = loadConfig(
      { SIMPUL_DATA_DIR: dir, SIMPUL_LOG_LEVEL: "silent", SIMPUL_SEED_REGIONS: "none" },
      { demo: false, jobs: false },
    );
    const ctx = await createContext(config, database);
    const app = await buildApp(ctx, { logger: false, serveWeb: false });
    const cookies = await seedForDashboard(database, ctx);
    for (const role of Object.keys(cookies) as SeededRole[]) {
      const ms: number[] = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const t0 = performance.now();
        const res = await app.inject({ method: "GET", url: "/api/dashboard", headers: { cookie: cookies[role] } });
        const t = performance.now() - t0;
        if (res.statusCode !== 200) throw new Error(`${role}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (i >= WARMUP) ms.push(t);
      }
      results[`${role}_median_ms`] = median(ms);
      results[`${role}_p95_ms`] = percentile(ms, 95);
      console.log(`  ${role.padEnd(16)} median ${fmt(median(ms), 1)} ms   p95 ${fmt(percentile(ms, 95), 1)} ms   (${RUNS} calls)`);
    }
    await app.close();
  } finally {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
