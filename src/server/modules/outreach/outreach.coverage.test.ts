// Coverage and the XLSX export over a data set this file builds itself (not the sessions other test
// files or tests happen to leave behind): five sessions in March 2025 in three desa, one of them planned.
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "../../../../test/helpers/app";
import { auditLog } from "../../db/schema";
import { COVERAGE_HEADERS, EXPORT_SHEETS, SESSION_HEADERS } from "./outreach.export";
import { DESA_A, DESA_B, DESA_TIRTAYASA, type OutreachStaff, outreachEnv, session } from "./outreach.fixtures";

let env: TestEnv;
let o: OutreachStaff;

beforeAll(async () => {
  ({ env, staff: o } = await outreachEnv());
  const created = [
    // DESA_A: two volunteers, 40 people each; Tirtayasa: the PIMPASA officer, 40 people.
    await o.relawan.http.request("POST", "/api/outreach/sessions", session()),
    await o.otherRelawan.http.request("POST", "/api/outreach/sessions", session({ startsAt: "2025-03-15T09:00" })),
    await o.pimpasa.http.request("POST", "/api/outreach/sessions", session({ desaCode: DESA_TIRTAYASA, startsAt: "2025-03-16T09:00" })),
    // DESA_B: 30 people, and a planned session that does not count as reach.
    await o.coordinator.http.request(
      "POST",
      "/api/outreach/sessions",
      session({ desaCode: DESA_B, startsAt: "2025-03-20T10:00", attendance: { female: { "25_39": 30 } } }),
    ),
    await o.coordinator.http.request(
      "POST",
      "/api/outreach/sessions",
      session({ desaCode: DESA_B, status: "planned", startsAt: "2025-03-25T10:00", attendance: {} }),
    ),
    // Outside the period.
    await o.relawan.http.request("POST", "/api/outreach/sessions", session({ startsAt: "2024-06-10T09:00" })),
  ];
  for (const res of created) expect(res.statusCode, res.body).toBe(201);
  expect((await o.coordinator.http.request("PATCH", `/api/villages/${DESA_B}`, { population: 2000 })).statusCode).toBe(200);
  expect((await o.coordinator.http.request("PATCH", `/api/villages/${DESA_A}`, { population: 4000, status: "active" })).statusCode).toBe(
    200,
  );
});
afterAll(() => env.close());

describe("coverage and export", () => {
  let cov: any;
  beforeAll(async () => {
    cov = (await o.coordinator.http.request("GET", "/api/outreach/coverage?from=2025-03-01&to=2025-03-31")).json();
  });

  it("counts people reached per desa and per 1,000 residents, never-reached and not-reached-in-90-days desa", () => {
    const a = cov.villages.find((v: any) => v.code === DESA_A);
    const b = cov.villages.find((v: any) => v.code === DESA_B);
    // DESA_A: the volunteer's session and the other volunteer's session, 40 people each.
    expect(a).toMatchObject({ sessions: 2, peopleReached: 80, population: 4000, per1000: 20, neverReached: false, status: "active" });
    expect(b).toMatchObject({ sessions: 1, peopleReached: 30, population: 2000, per1000: 15, neverReached: false });
    expect(cov.villages.find((v: any) => v.code === "36.04.05.2001")).toMatchObject({
      neverReached: true,
      notReachedRecently: true,
      per1000: null,
    });
    // Sessions in 2025-03 are more than 90 days before today.
    expect(a.notReachedRecently).toBe(true);
    expect(cov.summary).toMatchObject({ desa: 326, reachedInPeriod: 3, neverReached: 323, sessions: 4, peopleReached: 150 });
  });

  it("adds up per agency and per volunteer", () => {
    const pemdes = cov.byAgency.find((a: any) => a.id === o.agencyId);
    expect(pemdes).toMatchObject({ sessions: 1, peopleReached: 40, desaReached: 1 });
    expect(cov.byVolunteer).toHaveLength(2);
    expect(cov.byVolunteer.map((v: any) => v.sessions)).toEqual([1, 1]);
  });

  it("limits coverage to the caller's jurisdiction", async () => {
    const mine = (await o.pimpasa.http.request("GET", "/api/outreach/coverage")).json();
    expect(mine.summary.desa).toBe(25);
  });

  it("exports an XLSX with the regency's name, Indonesian headers and four sheets, and audits it", async () => {
    const res = await o.coordinator.http.request("GET", "/api/outreach/export.xlsx?from=2025-03-01&to=2025-03-31");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain("sosialisasi-36.04-2025-03-01_2025-03-31.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...EXPORT_SHEETS]);
    const sessions = wb.getWorksheet("Sesi Sosialisasi")!;
    expect(String(sessions.getCell("A1").value)).toContain("Kabupaten Serang");
    expect((sessions.getRow(3).values as unknown[]).slice(1)).toEqual(SESSION_HEADERS);
    expect(sessions.rowCount).toBe(3 + 5); // title, blank, header, five sessions (four held, one planned)
    expect(sessions.getCell("A4").value).toBe("2025-03-14 09:00");
    const coverage = wb.getWorksheet("Cakupan Desa")!;
    expect((coverage.getRow(3).values as unknown[]).slice(1)).toEqual(COVERAGE_HEADERS);
    expect(coverage.rowCount).toBe(3 + 326);
    const audit = await env.ctx.db.select().from(auditLog).where(eq(auditLog.action, "outreach.export"));
    expect(audit).toHaveLength(1);
  });
});
