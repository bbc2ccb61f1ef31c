// The first start with demo data: the Desa Binaan programme has content (coverage, a mix of risk
// levels, volunteers, candidates), and seeding again adds nothing.
import ExcelJS from "exceljs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestEnv, sessionFor, type TestEnv } from "../../../test/helpers/app";
import { users } from "../db/schema";
import { outreachSessions } from "../modules/outreach/outreach.tables";
import { seedOnFirstStart } from "./first-start";
import { DEMO_CANDIDATE_DESA, seedDemoProgramme } from "./demo-programme";

let env: TestEnv;
let koordinator: Client;
let relawan: Client;
let relawanId: string;

async function demoUser(username: string): Promise<string> {
  const [u] = await env.ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u!.id;
}

beforeAll(async () => {
  env = await createTestEnv({ demo: true, demoPassword: "demo-Password-2026" });
  const report = await seedOnFirstStart(env.ctx);
  expect(report.demoCredentials?.length).toBeGreaterThan(0);
  koordinator = await sessionFor(env, { id: await demoUser("koordinator") });
  relawanId = await demoUser("relawan");
  relawan = await sessionFor(env, { id: relawanId });
});
afterAll(() => env.close());

describe("demo programme data", () => {
  it("shows coverage: people reached, desa reached recently, long ago and never, per agency and per volunteer", async () => {
    const res = await koordinator.request("GET", "/api/outreach/coverage");
    expect(res.statusCode).toBe(200);
    const cov = res.json();
    expect(cov.summary.sessions).toBeGreaterThan(20);
    expect(cov.summary.peopleReached).toBeGreaterThan(300);
    const binaan = cov.villages.filter((v: any) => v.kecamatanCode === "36.04.12" || v.kecamatanCode === "36.04.13");
    expect(binaan).toHaveLength(25);
    expect(binaan.filter((v: any) => v.neverReached).length).toBeGreaterThan(0);
    expect(binaan.filter((v: any) => !v.notReachedRecently).length).toBeGreaterThan(5);
    expect(binaan.filter((v: any) => !v.neverReached && v.notReachedRecently).length).toBeGreaterThan(0);
    expect(binaan.every((v: any) => v.population > 0)).toBe(true);
    expect(binaan.some((v: any) => v.per1000 > 0)).toBe(true);
    expect(cov.byAgency.length).toBeGreaterThanOrEqual(3);
    expect(cov.byVolunteer.map((v: any) => v.name)).toContain("Relawan Demo Pontang");
  });

  it("gives the Pontang and Tirtayasa desa a mix of high, medium and low risk, each with its reason and sources", async () => {
    const levels = new Map<string, number>();
    for (const kec of ["36.04.12", "36.04.13"]) {
      const items = (await koordinator.request("GET", `/api/villages?kecamatan=${kec}`)).json().items;
      for (const v of items) {
        expect(v.status).toBe("active");
        expect(v.risk.reason).not.toBe("");
        levels.set(v.risk.level, (levels.get(v.risk.level) ?? 0) + 1);
      }
    }
    expect(levels.get("high")).toBeGreaterThanOrEqual(3);
    expect(levels.get("medium")).toBeGreaterThanOrEqual(3);
    expect(levels.get("low")).toBeGreaterThanOrEqual(3);
    expect(levels.get("unknown") ?? 0).toBe(0);
    const detail = (await koordinator.request("GET", "/api/villages/36.04.12.2001")).json();
    expect(detail.indicators.length).toBe(2);
    expect(Object.values(detail.indicators[0].figures).every((f: any) => f.source?.startsWith("Data demo"))).toBe(true);
  });

  it("lists Tanara desa as candidates", async () => {
    const items = (await koordinator.request("GET", "/api/villages?status=candidate")).json().items;
    expect(items.map((v: any) => v.code).sort()).toEqual(DEMO_CANDIDATE_DESA);
  });

  it("registers the demo volunteer account with consent, code of conduct, training and its desa; it sees its own sessions", async () => {
    const me = (await relawan.request("GET", "/api/volunteers/me")).json();
    expect(me).toMatchObject({
      name: "Relawan Demo Pontang",
      active: true,
      desa: [{ code: "36.04.12.2001" }],
      consentAt: expect.any(String),
      codeOfConductAt: expect.any(String),
    });
    expect(me.trainings.length).toBeGreaterThan(0);
    const mine = (await relawan.request("GET", "/api/outreach/sessions")).json();
    expect(mine.total).toBe(4);
    expect(mine.items.every((s: any) => s.recordedBy.id === relawanId && s.desaCode === "36.04.12.2001")).toBe(true);
    expect(mine.items.map((s: any) => s.status).sort()).toEqual(["held", "held", "held", "planned"]);
    const all = (await koordinator.request("GET", "/api/volunteers")).json().items;
    expect(all.length).toBe(5);
    expect(all.filter((v: any) => !v.active)).toHaveLength(1);
  });

  it("exports the sessions and coverage as XLSX", async () => {
    const res = await koordinator.request("GET", "/api/outreach/export.xlsx");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    expect(wb.getWorksheet("Sesi Sosialisasi")!.rowCount).toBeGreaterThan(3 + 20);
  });

  it("seeds nothing twice", async () => {
    const count = async () => (await env.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outreachSessions))[0]!.n;
    const before = await count();
    expect(await seedDemoProgramme(env.ctx)).toEqual({ volunteers: 0, indicators: 0, sessions: 0, candidates: 0 });
    expect(await count()).toBe(before);
  });
});

describe("demo passport interviews", () => {
  it("fills the interview list, the supervisor's review queue and the statistics", async () => {
    const officer = await sessionFor(env, { id: await demoUser("wawancara") });
    const supervisor = await sessionFor(env, { id: await demoUser("supervisor.wawancara") });
    const list = (await officer.request("GET", "/api/screenings")).json();
    expect(list.total).toBe(6);
    const queue = (await supervisor.request("GET", "/api/screenings/review-queue")).json();
    expect(queue.items.length).toBe(1);
    const stats = (await koordinator.request("GET", "/api/screenings/stats")).json();
    expect(stats.byReason.length).toBeGreaterThan(0);
  });
});

describe("demo coordination data", () => {
  it("gives the demo operator (Disnakertrans) one overdue action item from a past meeting, and seeds it once", async () => {
    const operator = await sessionFor(env, { id: await demoUser("operator") });
    const overdue = (await operator.request("GET", "/api/coordination/action-items?overdue=true")).json().items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      status: "open",
      overdue: true,
      canUpdate: true,
      ownerAgency: { name: "Disnakertrans Kabupaten Serang" },
    });
    const meetings = (await koordinator.request("GET", "/api/coordination/meetings")).json().items;
    expect(meetings.map((m: { decisionCount: number }) => m.decisionCount).sort()).toEqual([0, 3]);
    const { seedDemoCoordination } = await import("./demo-coordination");
    expect(await seedDemoCoordination(env.ctx)).toEqual({ meetings: 0, actionItems: 0 });
  });
});
