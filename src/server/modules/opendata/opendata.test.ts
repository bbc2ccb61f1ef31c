// The public statistics endpoint on fixture data: what the database holds, what the public sees.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, createUser, type TestEnv } from "../../../../test/helpers/app";
import { parseCsv } from "../../lib/csv";
import { cases } from "../cases/cases.tables";
import { outreachSessions } from "../outreach/outreach.tables";
import { listChildren } from "../regions/regions.service";
import { publicReports } from "../reports/reports.tables";
import type { StatisticsView, TableView } from "./opendata.schema";
import { clearStatisticsCache, periodBefore } from "./opendata.service";

let env: TestEnv;
let kec: { code: string; name: string }[];
let userId: string;

/** A moment in the middle of a WIB month, `back` months before now's month. */
function inMonth(back: number, day = 10): Date {
  const p = periodBefore(new Date());
  const months = [...p.months, "current"];
  const key = months[months.length - 1 - back]!;
  if (key === "current") return new Date(Date.now() - 60_000);
  return new Date(`${key}-${String(day).padStart(2, "0")}T12:00:00+07:00`);
}

async function addReports(
  n: number,
  at: Date,
  kecamatanCode: string | null,
  category: (typeof publicReports.$inferInsert)["category"] = "suspicious_offer",
  status: "received" | "rejected" = "received",
) {
  const rows = Array.from({ length: n }, () => ({
    tenant: env.ctx.config.regency,
    trackingCode: randomBytes(5).toString("hex").toUpperCase(),
    submissionHash: randomBytes(16).toString("hex"),
    pinHash: randomBytes(16).toString("hex"),
    category,
    description: "fixture",
    kecamatanCode,
    regionCode: kecamatanCode,
    status,
    receivedAt: at,
    verifyDueAt: at,
  }));
  if (rows.length) await env.ctx.db.insert(publicReports).values(rows);
}

const table = (s: StatisticsView, id: string) => s.tables.find((t) => t.id === id) as TableView;
const col = (t: TableView, key: string) => t.columns.findIndex((c) => c.key === key);

beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
  kec = (await listChildren(env.ctx.db, env.ctx.config.regency)).filter((r) => r.level === "kecamatan");
  userId = (await createUser(env.ctx, { roles: ["admin"] })).id;
  const [a, b, c] = kec;
  // Last month: 3 reports in A (to hide), 25 in B, 14 in C; two of another category; 4 rejected in A (not counted).
  await addReports(3, inMonth(1), a!.code);
  await addReports(25, inMonth(1), b!.code);
  await addReports(12, inMonth(1), c!.code);
  await addReports(2, inMonth(1), c!.code, "person_in_danger_abroad");
  await addReports(4, inMonth(1), a!.code, "other", "rejected");
  // Two months ago: 30 in B, 20 with no kecamatan (elsewhere); the running month: 7 in A (never published).
  await addReports(30, inMonth(2), b!.code);
  await addReports(20, inMonth(2), null, "irregular_departure");
  await addReports(7, inMonth(0), a!.code);
  // Cases: 4 last month, 15 two months ago.
  const caseRow = (at: Date) => ({
    tenant: env.ctx.config.regency,
    code: `KS-${randomBytes(4).toString("hex")}`,
    origin: "walk_in" as const,
    ownerId: userId,
    createdAt: at,
    regionCode: a!.code,
  });
  await env.ctx.db
    .insert(cases)
    .values([...Array.from({ length: 4 }, () => caseRow(inMonth(1))), ...Array.from({ length: 15 }, () => caseRow(inMonth(2)))]);
  // Outreach: 12 sessions of 30 people in B last month.
  await env.ctx.db.insert(outreachSessions).values(
    Array.from({ length: 12 }, () => ({
      id: randomUUID(),
      tenant: env.ctx.config.regency,
      startsAt: inMonth(1),
      desaCode: `${b!.code}.2001`,
      kecamatanCode: b!.code,
      attendanceTotal: 30,
      recordedBy: userId,
    })),
  );
});

afterAll(async () => {
  await env?.close();
});

describe("GET /api/public/statistics", () => {
  it("publishes twelve complete months, hides small counts, rounds the rest, and keeps cases at regency level", async () => {
    const res = await env.app.inject({ method: "GET", url: "/api/public/statistics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=600");
    const s = res.json() as StatisticsView;
    expect(s.threshold).toBe(11);
    expect(s.roundingBase).toBe(5);
    const last = periodBefore(new Date()).months;
    expect(s.period).toEqual({ from: last[0], to: last[11] });

    // No published number anywhere is between 1 and 10 or off the base-5 grid.
    for (const t of s.tables) {
      for (const v of [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total]) {
        if (v !== null) {
          expect(v % 5).toBe(0);
          expect(v === 0 || v >= 10).toBe(true);
        }
      }
    }

    const byKec = table(s, "reports-kecamatan");
    expect(byKec.columns.map((c) => c.key)).toEqual([...kec.map((k) => k.code), "unknown"]);
    expect(byKec.columns[0]!.label).toBe(kec[0]!.name);
    const lastMonth = byKec.rows.length - 1;
    expect(byKec.cells[lastMonth]![col(byKec, kec[0]!.code)]).toBeNull(); // 3 reports: hidden
    // Something else in that month or column is hidden too (the 3 is not month total minus the rest).
    const hiddenInMonth = byKec.cells[lastMonth]!.filter((v) => v === null).length + (byKec.rowTotals[lastMonth] === null ? 1 : 0);
    expect(hiddenInMonth).toBeGreaterThanOrEqual(2);
    // Two months ago: 30 in B and 20 elsewhere, all published; the grand total is 3+25+14+30+20 = 92 → 90 (rejected and running month not counted).
    expect(byKec.cells[lastMonth - 1]![col(byKec, kec[1]!.code)]).toBe(30);
    expect(byKec.cells[lastMonth - 1]![col(byKec, "unknown")]).toBe(20);
    expect(byKec.total).toBe(90);

    const byCat = table(s, "reports-category");
    expect(byCat.columns.map((c) => c.key)).toEqual(["suspicious_offer", "person_in_danger_abroad", "irregular_departure", "other"]);
    expect(byCat.columns[0]!.label).toBe("Tawaran kerja mencurigakan");
    expect(byCat.cells[lastMonth]![1]).toBeNull(); // 2 reports
    // Linked tables: a month total hidden in one is hidden in the other.
    expect(byCat.rowTotals.map((v) => v === null)).toEqual(byKec.rowTotals.map((v) => v === null));

    const caseTable = table(s, "cases");
    expect(caseTable.columns.map((c) => c.key)).toEqual(["cases"]);
    expect(caseTable.cells[lastMonth]![0]).toBeNull(); // 4 cases
    expect(caseTable.cells[lastMonth - 1]![0]).toBeNull(); // 15 cases: hidden too, else 19 - 15 gives the 4
    expect(caseTable.total).toBe(20);

    expect(table(s, "outreach-sessions").cells[lastMonth]![col(table(s, "outreach-sessions"), kec[1]!.code)]).toBe(10); // 12 → 10
    expect(table(s, "outreach-participants").cells[lastMonth]![col(table(s, "outreach-participants"), kec[1]!.code)]).toBe(360);
  });

  it("answers in English on request and keeps the computed tables for ten minutes", async () => {
    const en = (
      await env.app.inject({ method: "GET", url: "/api/public/statistics", headers: { "accept-language": "en" } })
    ).json() as StatisticsView;
    expect(table(en, "reports-category").columns[0]!.label).not.toBe("Tawaran kerja mencurigakan");
    await addReports(40, inMonth(3), kec[2]!.code);
    const cached = (await env.app.inject({ method: "GET", url: "/api/public/statistics" })).json() as StatisticsView;
    expect(table(cached, "reports-kecamatan").total).toBe(90);
    clearStatisticsCache(env.ctx);
    const fresh = (await env.app.inject({ method: "GET", url: "/api/public/statistics" })).json() as StatisticsView;
    expect(table(fresh, "reports-kecamatan").total).toBe(130);
  });

  it("serves each table as CSV with hidden values written x", async () => {
    const res = await env.app.inject({ method: "GET", url: "/api/public/statistics/reports-kecamatan.csv" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toContain("simpul-reports-kecamatan.csv");
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(["bulan", ...kec.map((k) => k.name), "Di luar kabupaten / tidak disebut", "total"]);
    expect(rows).toHaveLength(14);
    const lastMonth = rows[12]!;
    expect(lastMonth[0]).toBe(periodBefore(new Date()).months[11]);
    expect(lastMonth[1]).toBe("x");
    for (const cell of rows.slice(1).flatMap((r) => r.slice(1)))
      expect(cell === "x" || (Number(cell) % 5 === 0 && !(Number(cell) > 0 && Number(cell) < 10))).toBe(true);
    expect(rows[13]![0]).toBe("total");
  });

  it("refuses an unknown file with 400", async () => {
    expect((await env.app.inject({ method: "GET", url: "/api/public/statistics/users.csv" })).statusCode).toBe(400);
    expect((await env.app.inject({ method: "GET", url: "/api/public/statistics/..%2Fsecret.key" })).statusCode).toBe(400);
  });
});
