// Monthly and annual reports: the figures of a month with known data (WIB boundaries), read back from the
// stored XLSX; the PDF (a PDF, names no one); replace on regeneration; the month-end job and its idempotence;
// access (coordinators of the whole regency only) and the download headers and audit.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema";
import {
  type Client,
  createAgency,
  createTestEnv,
  signedIn,
  signedInUser,
  type TestEnv,
  type TestUser,
} from "../../../../test/helpers/app";
import { pdfText } from "../../../../test/helpers/pdf-text";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { caseReferrals, cases } from "../cases/cases.tables";
import { actionItems, decisions, meetings } from "../coordination/coordination.tables";
import { outreachSessions } from "../outreach/outreach.tables";
import { publicReports, reportForwards } from "../reports/reports.tables";
import { villageIndicators, villagePrograms } from "../villages/villages.tables";
import { figuresFor, periodOf, previousPeriods } from "./periodic.figures";
import { generateMonthEndReports } from "./periodic.jobs";
import { generateReport } from "./periodic.service";
import { periodicReports } from "./periodic.tables";

const TENANT = "36.04";
const PONTANG = "36.04.12";
const TIRTAYASA = "36.04.13";
const DESA_A = "36.04.12.2001";
const DESA_B = "36.04.12.2002";
const DESA_T = "36.04.13.2001";
const DESA_T2 = "36.04.13.2002";
// Names that sit in the records behind the figures; the documents must never show them.
const NAMES = ["Siti Rahayu", "Budi Santoso", "Dewi Lestari"];

let env: TestEnv;
let coordinator: TestUser;
let coord: Client;
let admin: Client;
let operator: Client;
let volunteer: Client;
let areaCoord: Client;

const at = (s: string) => new Date(s);

async function seedOctober() {
  const db = env.ctx.db;
  const agency = await createAgency(env.ctx, { name: "Dinas Sosial Periodik" });
  const report = (over: Partial<typeof publicReports.$inferInsert>) =>
    ({
      tenant: TENANT,
      trackingCode: `T${randomUUID().slice(0, 10)}`,
      submissionHash: randomUUID(),
      pinHash: "x",
      category: "suspicious_offer" as const,
      description: `${NAMES[0]} ditawari kerja ke luar negeri`,
      ...over,
    }) as typeof publicReports.$inferInsert;
  const [r1, , r3] = await db
    .insert(publicReports)
    .values([
      // 1 Oct 00:30 WIB: October, although still 30 September in UTC.
      report({
        receivedAt: at("2026-09-30T17:30:00Z"),
        kecamatanCode: PONTANG,
        verifyDueAt: at("2026-10-03T10:00:00Z"),
        verifiedAt: at("2026-10-02T10:00:00Z"),
        status: "verified",
      }),
      report({ receivedAt: at("2026-10-10T03:00:00Z"), kecamatanCode: PONTANG, verifyDueAt: at("2026-10-13T10:00:00Z") }),
      report({
        category: "person_in_danger_abroad",
        receivedAt: at("2026-10-20T03:00:00Z"),
        kecamatanCode: TIRTAYASA,
        verifyDueAt: at("2026-10-23T10:00:00Z"),
        verifiedAt: at("2026-10-21T03:00:00Z"),
        status: "forwarded",
      }),
      // 1 Nov 00:30 WIB: November.
      report({ receivedAt: at("2026-10-31T17:30:00Z"), kecamatanCode: PONTANG, verifyDueAt: at("2026-11-04T10:00:00Z") }),
      // September report rejected in October.
      report({
        receivedAt: at("2026-09-15T03:00:00Z"),
        verifyDueAt: at("2026-09-18T10:00:00Z"),
        status: "rejected",
        closedAt: at("2026-10-05T03:00:00Z"),
      }),
    ])
    .returning();
  await db.insert(reportForwards).values({
    tenant: TENANT,
    reportId: r3!.id,
    agencyId: agency.id,
    instruction: `Hubungi keluarga ${NAMES[0]}`,
    forwardedAt: at("2026-10-21T04:00:00Z"),
    responseDueAt: at("2026-10-28T10:00:00Z"),
    firstResponseAt: at("2026-10-30T03:00:00Z"),
  });
  expect(r1).toBeDefined();

  const session = (over: Partial<typeof outreachSessions.$inferInsert>) =>
    ({
      id: randomUUID(),
      tenant: TENANT,
      recordedBy: coordinator.id,
      facilitators: [NAMES[1]!],
      notes: `Dipandu ${NAMES[1]}`,
      desaCode: DESA_A,
      kecamatanCode: PONTANG,
      startsAt: at("2026-10-05T02:00:00Z"),
      ...over,
    }) as typeof outreachSessions.$inferInsert;
  await db.insert(outreachSessions).values([
    session({ attendanceTotal: 40, attendanceFemale: 25, attendanceMale: 15 }),
    session({
      desaCode: DESA_T,
      kecamatanCode: TIRTAYASA,
      startsAt: at("2026-10-25T02:00:00Z"),
      attendanceTotal: 30,
      attendanceFemale: 10,
      attendanceMale: 20,
    }),
    session({ desaCode: DESA_B, status: "planned", startsAt: at("2026-10-28T02:00:00Z"), attendanceTotal: 99 }),
    session({ desaCode: DESA_B, startsAt: at("2026-11-02T02:00:00Z"), attendanceTotal: 50 }),
  ]);
  await db.insert(villagePrograms).values([
    { tenant: TENANT, desaCode: DESA_A, status: "active" },
    { tenant: TENANT, desaCode: DESA_B, status: "candidate" },
    { tenant: TENANT, desaCode: DESA_T2, status: "active" },
  ]);
  await db.insert(villageIndicators).values({ tenant: TENANT, desaCode: DESA_A, period: "2026", victims: 2 });

  const kase = (over: Partial<typeof cases.$inferInsert>) =>
    ({
      tenant: TENANT,
      code: `KS-${randomUUID().slice(0, 8)}`,
      origin: "police" as const,
      ownerId: coordinator.id,
      ...over,
    }) as typeof cases.$inferInsert;
  const [c1] = await db
    .insert(cases)
    .values([
      kase({ createdAt: at("2026-10-03T03:00:00Z") }),
      kase({
        createdAt: at("2026-09-01T03:00:00Z"),
        status: "closed",
        closedAt: at("2026-10-15T03:00:00Z"),
        closureReason: "not_trafficking",
      }),
      kase({ createdAt: at("2026-08-01T03:00:00Z"), status: "active" }),
      kase({ createdAt: at("2026-11-05T03:00:00Z") }),
    ])
    .returning();
  const referral = (over: Partial<typeof caseReferrals.$inferInsert>) =>
    ({
      tenant: TENANT,
      caseId: c1!.id,
      scope: "case" as const,
      fromUserId: coordinator.id,
      toAgencyId: agency.id,
      reason: "Other" as const,
      ...over,
    }) as typeof caseReferrals.$inferInsert;
  await db.insert(caseReferrals).values([
    referral({
      sentAt: at("2026-10-04T03:00:00Z"),
      respondDueAt: at("2026-10-07T03:00:00Z"),
      respondedAt: at("2026-10-06T03:00:00Z"),
      status: "accepted",
    }),
    referral({ sentAt: at("2026-10-20T03:00:00Z"), respondDueAt: at("2026-10-23T03:00:00Z") }),
    referral({ sentAt: at("2026-11-02T03:00:00Z"), respondDueAt: at("2026-11-05T03:00:00Z") }),
  ]);

  const [m] = await db
    .insert(meetings)
    .values({ tenant: TENANT, title: `Rapat bersama ${NAMES[2]}`, startsAt: at("2026-10-01T02:00:00Z"), createdBy: coordinator.id })
    .returning();
  const [d] = await db
    .insert(decisions)
    .values({ meetingId: m!.id, seq: 1, text: `Kunjungi ${NAMES[0]}` })
    .returning();
  const item = (over: Partial<typeof actionItems.$inferInsert>) =>
    ({
      tenant: TENANT,
      meetingId: m!.id,
      decisionId: d!.id,
      title: `Dampingi ${NAMES[0]}`,
      ownerAgencyId: agency.id,
      createdAt: at("2026-10-01T03:00:00Z"),
      ...over,
    }) as typeof actionItems.$inferInsert;
  await db.insert(actionItems).values([
    item({ dueDate: "2026-10-10", status: "done", completedAt: at("2026-10-09T03:00:00Z") }),
    item({ dueDate: "2026-10-20" }), // overdue at the end of October
    item({ dueDate: "2026-11-20" }), // open, not yet due
    item({ dueDate: "2026-10-15", status: "done", completedAt: at("2026-11-03T03:00:00Z") }), // open and overdue at the end of October
  ]);
}

beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, coord] = await signedInUser(env, { roles: ["coordinator"] });
  await env.ctx.db
    .update(users)
    .set({ displayName: `Koordinator ${NAMES[2]}` })
    .where(eq(users.id, coordinator.id));
  admin = await signedIn(env, { roles: ["admin"] });
  operator = await signedIn(env, { roles: ["agency_operator"] });
  volunteer = await signedIn(env, { roles: ["volunteer"] });
  areaCoord = await signedIn(env, { roles: ["coordinator"], jurisdiction: [PONTANG] });
  await seedOctober();
});
afterAll(() => env.close());

async function sheetFigures(buf: Buffer): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out = new Map<string, number>();
  let section = "";
  wb.worksheets[0]!.eachRow((row) => {
    const label = String(row.getCell(1).value ?? "");
    const value = row.getCell(2).value;
    if (/^\d+\. /.test(label)) section = label.replace(/^\d+\. /, "");
    else if (typeof value === "number") out.set(`${section}|${label.trim()}`, value);
  });
  return out;
}

describe("periods", () => {
  it("cuts months and years at midnight WIB and names the last complete ones", () => {
    expect(periodOf("month", "2026-10")).toMatchObject({ from: at("2026-09-30T17:00:00Z"), to: at("2026-10-31T17:00:00Z") });
    expect(periodOf("month", "2026-12")!.to).toEqual(at("2026-12-31T17:00:00Z"));
    expect(periodOf("year", "2026")).toMatchObject({ from: at("2025-12-31T17:00:00Z"), to: at("2026-12-31T17:00:00Z") });
    expect(periodOf("month", "2026-13")).toBeNull();
    // 1 January 00:30 WIB is still 31 December in UTC.
    expect(previousPeriods(at("2026-12-31T17:30:00Z"))).toMatchObject({ month: "2026-12", year: "2026", wibMonth: 1 });
    expect(previousPeriods(at("2026-12-31T16:30:00Z"))).toMatchObject({ month: "2026-11", wibMonth: 12 });
  });
});

describe("figures of October 2026", () => {
  it("counts each domain within the WIB month", async () => {
    const f = await figuresFor(env.ctx.db, TENANT, periodOf("month", "2026-10")!);
    expect(f.reports).toMatchObject({
      received: 3,
      verified: 2,
      forwarded: 1,
      answered: 1,
      closed: 0,
      rejected: 1,
      overdueVerification: 1,
      overdueResponse: 1,
    });
    expect(f.reports.byCategory).toEqual([
      { key: "suspicious_offer", count: 2 },
      { key: "person_in_danger_abroad", count: 1 },
      { key: "irregular_departure", count: 0 },
      { key: "other", count: 0 },
    ]);
    expect(f.reports.byKecamatan.map((k) => [k.code, k.count])).toEqual([
      [PONTANG, 2],
      [TIRTAYASA, 1],
    ]);
    expect(f.reports.byKecamatan[0]!.name).toMatch(/PONTANG/i);
    expect(f.outreach).toMatchObject({
      sessions: 2,
      participants: 70,
      female: 35,
      male: 35,
      villagesReached: 2,
      programmeVillagesNeverReached: 2,
    });
    expect(f.cases).toMatchObject({ opened: 1, closed: 1, openAtEnd: 2 });
    expect(f.cases.byClosureReason.find((c) => c.key === "not_trafficking")!.count).toBe(1);
    expect(f.referrals).toEqual({ sent: 2, accepted: 1, rejected: 0, overdue: 1 });
    expect(f.villages).toEqual({ active: 2, candidate: 1, risk: { high: 1, medium: 0, low: 0, unknown: 2 } });
    expect(f.actionItems).toEqual({ created: 4, done: 1, openAtEnd: 3, overdueAtEnd: 2 });
    expect(f.trend).toHaveLength(31);
    expect(f.trend[0]).toEqual({ label: "2026-10-01", reports: 1, sessions: 0 });
    expect(f.trend.reduce((s, b) => s + b.reports, 0)).toBe(3);
  });
});

describe("generate, list, download", () => {
  let id: string;

  it("stores the month's PDF and XLSX; the workbook holds the figures in the console's words", async () => {
    const res = await coord.request("POST", "/api/periodic-reports", { kind: "month", period: "2026-10" });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ kind: "month", period: "2026-10", generatedBy: { id: coordinator.id } });
    const list = (await coord.request("GET", "/api/periodic-reports")).json().items;
    expect(list.map((r: { id: string }) => r.id)).toEqual([id]);

    const x = await coord.request("GET", `/api/periodic-reports/${id}/xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers["content-type"]).toContain("spreadsheetml");
    expect(x.headers["content-disposition"]).toContain('attachment; filename="laporan-bulanan-2026-10.xlsx"');
    expect(x.headers["x-content-type-options"]).toBe("nosniff");
    const fig = await sheetFigures(x.rawPayload);
    expect(fig.get("Pengaduan masyarakat|Pengaduan diterima")).toBe(3);
    expect(fig.get("Pengaduan masyarakat|Verifikasi lewat tenggat")).toBe(1);
    expect(fig.get("Pengaduan masyarakat|Tawaran kerja mencurigakan")).toBe(2);
    expect(fig.get("Sosialisasi|Peserta")).toBe(70);
    expect(fig.get("Kasus (agregat)|Bukan TPPO")).toBe(1);
    expect(fig.get("Rujukan layanan|Rujukan lewat tenggat jawaban")).toBe(1);
    expect(fig.get("Desa Binaan|Tinggi")).toBe(1);
    expect(fig.get("Tindak lanjut rapat koordinasi|Lewat tenggat di akhir periode")).toBe(2);
  });

  it("makes a PDF with the regency, the WIB period and id-ID numbers, and no name from the records", async () => {
    const res = await coord.request("GET", `/api/periodic-reports/${id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain('attachment; filename="laporan-bulanan-2026-10.pdf"');
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(res.rawPayload);
    expect(text).toContain("LAPORAN BULANAN");
    expect(text).toContain("Oktober 2026");
    expect(text).toMatch(/PEMERINTAH KAB(UPATEN|\.) SERANG/);
    expect(text).toContain("Pengaduan diterima");
    expect(text).toMatch(/PONTANG/i);
    for (const name of NAMES) expect(text).not.toContain(name);
    const downloads = await env.ctx.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.resourceId, id));
    expect(downloads.map((d) => d.action)).toEqual(expect.arrayContaining(["periodic.generate", "periodic.download"]));
  });

  it("writes Indonesian thousands separators", async () => {
    await env.ctx.db
      .update(outreachSessions)
      .set({ attendanceTotal: 1234 })
      .where(sql`${outreachSessions.startsAt} = ${"2026-10-05T02:00:00Z"}::timestamptz`);
    const out = await generateReport(env.ctx, SYSTEM_ACTOR, "month", "2026-10", null, new Date());
    const pdf = (await coord.request("GET", `/api/periodic-reports/${out!.id}/pdf`)).rawPayload;
    expect(pdfText(pdf)).toContain("1.264");
  });

  it("replaces the period's files when generated again (one row per period)", async () => {
    const before = (await env.ctx.db.select().from(periodicReports).where(eq(periodicReports.id, id)))[0]!;
    const again = await coord.request("POST", "/api/periodic-reports", { kind: "month", period: "2026-10" });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(id);
    const rows = await env.ctx.db.select().from(periodicReports).where(eq(periodicReports.period, "2026-10"));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.pdfFile).not.toBe(before.pdfFile);
  });

  it("refuses a malformed or future period with a field message", async () => {
    for (const body of [
      { kind: "month", period: "2026-13" },
      { kind: "year", period: "2026-10" },
      { kind: "month", period: "2099-01" },
    ]) {
      const res = await coord.request("POST", "/api/periodic-reports", body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.period).toBeTruthy();
    }
  });
});

describe("access", () => {
  it("is for coordinators of the whole regency only", async () => {
    const [row] = await env.ctx.db.select({ id: periodicReports.id }).from(periodicReports).limit(1);
    for (const c of [admin, operator, volunteer, areaCoord]) {
      expect((await c.request("GET", "/api/periodic-reports")).statusCode).toBe(403);
      expect((await c.request("POST", "/api/periodic-reports", { kind: "month", period: "2026-10" })).statusCode).toBe(403);
      expect((await c.request("GET", `/api/periodic-reports/${row!.id}/pdf`)).statusCode).toBe(403);
    }
    expect((await coord.request("GET", `/api/periodic-reports/${randomUUID()}/pdf`)).statusCode).toBe(404);
    const me = async (c: Client) => (await c.request("GET", "/api/auth/me")).json().user.abilities.viewPeriodicReports;
    expect(await me(coord)).toBe(true);
    expect(await me(areaCoord)).toBe(false);
    expect(await me(admin)).toBe(false);
  });
});

describe("month-end job", () => {
  it("on 1 January (WIB) makes last month's and last year's reports once, however often it runs", async () => {
    const now = at("2026-12-31T18:00:00Z"); // 1 Jan 2027, 01:00 WIB
    const first = await generateMonthEndReports(env.ctx, now);
    expect(first.generated.sort()).toEqual(["month:2026-12", "year:2026"]);
    // A second server, or the next hour's run: nothing more.
    const [a, b] = await Promise.all([generateMonthEndReports(env.ctx, now), generateMonthEndReports(env.ctx, at("2026-12-31T19:00:00Z"))]);
    expect([...a.generated, ...b.generated]).toEqual([]);
    const rows = await env.ctx.db.select().from(periodicReports).where(sql`${periodicReports.period} IN ('2026-12', '2026')`);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.generatedBy === null)).toBe(true);
  });

  it("two runs racing for the same period store one report, and only one generation is audited", async () => {
    const now = at("2026-10-31T18:00:00Z"); // 1 Nov 2026 WIB: October is due, but October already has a report…
    await env.ctx.db.delete(periodicReports).where(eq(periodicReports.period, "2026-10"));
    const results = await Promise.all([generateMonthEndReports(env.ctx, now), generateMonthEndReports(env.ctx, now)]);
    expect(results.flatMap((r) => r.generated)).toEqual(["month:2026-10"]);
    const rows = await env.ctx.db.select().from(periodicReports).where(eq(periodicReports.period, "2026-10"));
    expect(rows).toHaveLength(1);
    const audits = await env.ctx.db.select().from(auditLog).where(eq(auditLog.resourceId, rows[0]!.id));
    expect(audits.filter((a) => a.action === "periodic.generate")).toHaveLength(1);
  });

  it("replaces a report generated while its month was still running", async () => {
    const during = await generateReport(env.ctx, SYSTEM_ACTOR, "month", "2026-11", null, at("2026-11-20T03:00:00Z"));
    const out = await generateMonthEndReports(env.ctx, at("2026-11-30T18:00:00Z"));
    expect(out.generated).toEqual(["month:2026-11"]);
    const [row] = await env.ctx.db.select().from(periodicReports).where(eq(periodicReports.period, "2026-11"));
    expect(row!.id).toBe(during!.id);
    expect(row!.generatedAt).toEqual(at("2026-11-30T18:00:00Z"));
  });
});
