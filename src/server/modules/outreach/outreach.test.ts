import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createAgency, createTestEnv, createUser, sessionFor, type TestEnv, type TestUser } from "../../../../test/helpers/app";
import { auditLog, users } from "../../db/schema";
import { COVERAGE_HEADERS, EXPORT_SHEETS, SESSION_HEADERS } from "./outreach.export";
import { outreachSessions } from "./outreach.tables";

const DESA_A = "36.04.12.2001"; // the volunteer's desa
const DESA_B = "36.04.12.2002";
const DESA_TIRTAYASA = "36.04.13.2001";

let env: TestEnv;
let coordinator: Client;
let pimpasa: Client;
let relawanUser: TestUser;
let relawan: Client;
let otherRelawan: Client;
let agencyId: string;

function session(over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    startsAt: "2025-03-14T09:00",
    desaCode: DESA_A,
    venue: "Balai Desa",
    facilitators: ["Bu Siti"],
    audiences: ["general_public", "prospective_migrants_families"],
    attendance: { female: { "18_24": 10, "25_39": 15 }, male: { "18_24": 5, "40_59": 10 } },
    topics: ["flag_unrealistic_salary", "flag_tourist_visa", "step_licensed_agency", "hotlines"],
    materials: ["Leaflet Cek Lowongan"],
    quiz: { preScore: 55, postScore: 80, respondents: 20 },
    ...over,
  };
}

beforeAll(async () => {
  env = await createTestEnv();
  agencyId = (await createAgency(env.ctx, { name: "Pemerintah Desa Pontang" })).id;
  coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
  pimpasa = await sessionFor(env, await createUser(env.ctx, { roles: ["pimpasa"], jurisdiction: ["36.04.12", "36.04.13"] }));
  relawanUser = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [DESA_A], agencyId });
  relawan = await sessionFor(env, relawanUser);
  otherRelawan = await sessionFor(env, await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [DESA_A] }));
});
afterAll(() => env.close());

describe("recording sessions", () => {
  it("is idempotent: the same client id sent twice stores one session", async () => {
    const body = session();
    const first = await relawan.request("POST", "/api/outreach/sessions", body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      id: body.id,
      desaName: expect.any(String),
      kecamatanName: "Pontang",
      localStart: "2025-03-14 09:00",
      startsAt: "2025-03-14T02:00:00.000Z",
      attendanceTotals: { female: 25, male: 15, total: 40 },
      organiser: { id: agencyId, name: "Pemerintah Desa Pontang" },
      quiz: { preScore: 55, postScore: 80, respondents: 20 },
      photos: [],
    });
    const retry = await relawan.request("POST", "/api/outreach/sessions", body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(body.id);
    const [{ n }] = (await env.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outreachSessions).where(eq(outreachSessions.id, body.id))) as [{ n: number }];
    expect(n).toBe(1);
    // Someone else re-using that id is refused, not merged.
    expect((await otherRelawan.request("POST", "/api/outreach/sessions", body)).statusCode).toBe(409);
  });

  it("refuses unknown topics and audiences with a message per field", async () => {
    const res = await relawan.request("POST", "/api/outreach/sessions", session({ topics: ["gossip"], audiences: [] }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(["audiences", "topics.0"]);
  });
});

describe("a volunteer account", () => {
  let theirs: string;
  beforeAll(async () => {
    theirs = (await pimpasa.request("POST", "/api/outreach/sessions", session({ desaCode: DESA_TIRTAYASA }))).json().id;
  });

  it("records only in its assigned desa", async () => {
    const res = await relawan.request("POST", "/api/outreach/sessions", session({ desaCode: DESA_B }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(["desaCode"]);
    expect((await env.ctx.db.select().from(outreachSessions).where(eq(outreachSessions.desaCode, DESA_B))).length).toBe(0);
  });

  it("sees only its own sessions; another's session answers 404 and cannot be changed", async () => {
    const other = (await otherRelawan.request("POST", "/api/outreach/sessions", session())).json().id;
    const list = (await relawan.request("GET", "/api/outreach/sessions")).json();
    expect(list.items.every((s: any) => s.recordedBy.id === relawanUser.id)).toBe(true);
    expect(list.items.map((s: any) => s.id)).not.toContain(other);
    expect((await relawan.request("GET", `/api/outreach/sessions/${other}`)).statusCode).toBe(404);
    expect((await relawan.request("GET", `/api/outreach/sessions/${theirs}`)).statusCode).toBe(404);
    expect((await relawan.request("PATCH", `/api/outreach/sessions/${other}`, { venue: "X" })).statusCode).toBe(404);
    const cal = (await relawan.request("GET", "/api/outreach/sessions/calendar?from=2025-01-01&to=2025-12-31")).json().items;
    expect(cal.map((c: any) => c.id)).not.toContain(other);
  });

  it("never reaches reports, cases, villages, coverage, volunteers' data or exports", async () => {
    for (const url of ["/api/reports", "/api/reports/inbox", "/api/villages", `/api/villages/${DESA_A}`, "/api/outreach/coverage", "/api/outreach/export.xlsx", "/api/volunteers", "/api/admin/users"]) {
      expect((await relawan.request("GET", url)).statusCode, url).toBe(403);
    }
    const cases = await relawan.request("GET", "/api/cases");
    expect([403, 404]).toContain(cases.statusCode);
  });

  it("staff see sessions in their jurisdiction with filters", async () => {
    const byKec = (await pimpasa.request("GET", "/api/outreach/sessions?kecamatan=36.04.13")).json();
    expect(byKec.items.map((s: any) => s.id)).toEqual([theirs]);
    const byAgency = (await coordinator.request("GET", `/api/outreach/sessions?agencyId=${agencyId}&from=2025-03-01&to=2025-03-31`)).json();
    expect(byAgency.total).toBe(1);
    const none = (await coordinator.request("GET", "/api/outreach/sessions?from=2025-04-01")).json();
    expect(none.total).toBe(0);
  });

  it("an inactive volunteer records nothing", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const reg = await coordinator.request("POST", "/api/volunteers", {
      name: "Relawan Nonaktif",
      userId: u.id,
      desaCodes: [DESA_B],
      consentAt: "2025-01-10",
      codeOfConductAt: "2025-01-10",
      active: false,
    });
    expect(reg.statusCode).toBe(201);
    const s = await sessionFor(env, u);
    expect((await s.request("POST", "/api/outreach/sessions", session({ desaCode: DESA_B }))).statusCode).toBe(403);
  });
});

describe("editing a session", () => {
  // Sessions of 2024: outside the period the coverage tests below look at.
  const held = (over: Record<string, unknown> = {}) => session({ startsAt: "2024-06-10T09:00", status: "planned", attendance: {}, ...over });

  it("lets a volunteer complete their own planned session; totals are recomputed and the change is audited", async () => {
    const id = (await relawan.request("POST", "/api/outreach/sessions", held())).json().id;
    const res = await relawan.request("PATCH", `/api/outreach/sessions/${id}`, {
      status: "held",
      startsAt: "2024-06-10T13:30",
      venue: "Aula Desa",
      attendance: { female: { under_18: 7 }, male: { "60_plus": 3 } },
      topics: ["hotlines"],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "held", localStart: "2024-06-10 13:30", venue: "Aula Desa", attendanceTotals: { female: 7, male: 3, total: 10 }, topics: ["hotlines"] });
    expect((await relawan.request("GET", `/api/outreach/sessions/${id}`)).json()).toMatchObject({ venue: "Aula Desa", abilities: { update: true } });
    const audit = await env.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, "outreach.update"), eq(auditLog.resourceId, id)));
    expect(audit).toHaveLength(1);
  });

  it("refuses bad input with a message per field and changes nothing", async () => {
    const id = (await relawan.request("POST", "/api/outreach/sessions", held({ venue: "Balai Desa" }))).json().id;
    const res = await relawan.request("PATCH", `/api/outreach/sessions/${id}`, { venue: "Lain", topics: ["gossip"], attendance: { female: { under_18: -1 } }, startsAt: "kemarin" });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(["attendance.female.under_18", "startsAt", "topics.0"]);
    const late = await relawan.request("PATCH", `/api/outreach/sessions/${id}`, { venue: "Lain", endsAt: "2024-06-10T08:00" });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toEqual({ endsAt: "Jam selesai harus sesudah jam mulai." });
    // The same rule for a new session (an offline form sent later): refused, nothing stored.
    const newId = randomUUID();
    const early = await relawan.request("POST", "/api/outreach/sessions", held({ id: newId, endsAt: "2024-06-10T08:30" }));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({ endsAt: "Jam selesai harus sesudah jam mulai." });
    expect((await relawan.request("GET", `/api/outreach/sessions/${newId}`)).statusCode).toBe(404);
    expect((await relawan.request("GET", `/api/outreach/sessions/${id}`)).json()).toMatchObject({ venue: "Balai Desa", status: "planned" });
  });

  it("keeps a volunteer's session in the volunteer's assigned desa", async () => {
    const id = (await relawan.request("POST", "/api/outreach/sessions", held())).json().id;
    const res = await relawan.request("PATCH", `/api/outreach/sessions/${id}`, { desaCode: DESA_B, venue: "Lain" });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(["desaCode"]);
    expect((await relawan.request("GET", `/api/outreach/sessions/${id}`)).json()).toMatchObject({ desaCode: DESA_A, venue: "Balai Desa" });
  });

  it("lets staff who may read but not change a session see it without the right to save", async () => {
    const id = (await relawan.request("POST", "/api/outreach/sessions", held())).json().id;
    expect((await pimpasa.request("GET", `/api/outreach/sessions/${id}`)).json().abilities.update).toBe(false);
    expect((await pimpasa.request("PATCH", `/api/outreach/sessions/${id}`, { venue: "Lain" })).statusCode).toBe(403);
    expect((await otherRelawan.request("PATCH", `/api/outreach/sessions/${id}`, { venue: "Lain" })).statusCode).toBe(404);
    expect((await relawan.request("GET", `/api/outreach/sessions/${id}`)).json().venue).toBe("Balai Desa");
  });

  it("lets a coordinator move a session to another desa, with its kecamatan", async () => {
    const id = (await coordinator.request("POST", "/api/outreach/sessions", held())).json().id;
    const res = await coordinator.request("PATCH", `/api/outreach/sessions/${id}`, { desaCode: DESA_TIRTAYASA });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ desaCode: DESA_TIRTAYASA, kecamatanCode: "36.04.13", kecamatanName: "Tirtayasa" });
  });
});

describe("volunteer registry", () => {
  it("registers a volunteer with consent, code of conduct and training; the account's jurisdiction follows the assigned desa", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const before = await sessionFor(env, u);
    const res = await coordinator.request("POST", "/api/volunteers", {
      name: "Ahmad",
      phone: "0813 1111 2222",
      userId: u.id,
      agencyId,
      desaCodes: [DESA_TIRTAYASA],
      consentAt: "2025-02-01",
      codeOfConductAt: "2025-02-01",
      codeOfConductVersion: "2025-1",
    });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ name: "Ahmad", phone: "0813 1111 2222", consentAt: "2025-02-01", active: true, desa: [{ code: DESA_TIRTAYASA }] });
    const [row] = await env.ctx.db.select({ j: users.jurisdiction }).from(users).where(eq(users.id, u.id));
    expect(row!.j).toEqual([DESA_TIRTAYASA]);
    expect((await before.request("GET", "/api/auth/me")).statusCode).toBe(401);
    const t = await coordinator.request("POST", `/api/volunteers/${v.id}/trainings`, { title: "Pelatihan modus TPPO", provider: "BP3MI Banten", completedOn: "2025-02-15" });
    expect(t.json().trainings).toHaveLength(1);
    const me = await (await sessionFor(env, u)).request("GET", "/api/volunteers/me");
    expect(me.json()).toMatchObject({ id: v.id, trainings: [{ title: "Pelatihan modus TPPO" }] });
    const audit = await env.ctx.db.select().from(auditLog).where(eq(auditLog.resourceId, v.id));
    expect(JSON.stringify(audit)).not.toContain("1111");
  });
});

describe("coverage and export", () => {
  let cov: any;
  beforeAll(async () => {
    // Pontang desa 2002 has a population; a planned session does not count as reach.
    await coordinator.request("PATCH", `/api/villages/${DESA_B}`, { population: 2000 });
    await coordinator.request("PATCH", `/api/villages/${DESA_A}`, { population: 4000, status: "active" });
    await coordinator.request("POST", "/api/outreach/sessions", session({ desaCode: DESA_B, startsAt: "2025-03-20T10:00", attendance: { female: { "25_39": 30 } } }));
    await coordinator.request("POST", "/api/outreach/sessions", session({ desaCode: DESA_B, status: "planned", startsAt: "2025-03-25T10:00" }));
    cov = (await coordinator.request("GET", "/api/outreach/coverage?from=2025-03-01&to=2025-03-31")).json();
  });

  it("counts people reached per desa and per 1,000 residents, never-reached and not-reached-in-90-days desa", () => {
    const a = cov.villages.find((v: any) => v.code === DESA_A);
    const b = cov.villages.find((v: any) => v.code === DESA_B);
    // DESA_A: the volunteer's session and the other volunteer's session, 40 people each.
    expect(a).toMatchObject({ sessions: 2, peopleReached: 80, population: 4000, per1000: 20, neverReached: false, status: "active" });
    expect(b).toMatchObject({ sessions: 1, peopleReached: 30, population: 2000, per1000: 15, neverReached: false });
    expect(cov.villages.find((v: any) => v.code === "36.04.05.2001")).toMatchObject({ neverReached: true, notReachedRecently: true, per1000: null });
    // Sessions in 2025-03 are more than 90 days before today.
    expect(a.notReachedRecently).toBe(true);
    expect(cov.summary).toMatchObject({ desa: 326, reachedInPeriod: 3, neverReached: 323, sessions: 4, peopleReached: 150 });
  });

  it("adds up per agency and per volunteer", () => {
    const pemdes = cov.byAgency.find((a: any) => a.id === agencyId);
    expect(pemdes).toMatchObject({ sessions: 1, peopleReached: 40, desaReached: 1 });
    expect(cov.byVolunteer).toHaveLength(2);
    expect(cov.byVolunteer.map((v: any) => v.sessions)).toEqual([1, 1]);
  });

  it("limits coverage to the caller's jurisdiction", async () => {
    const mine = (await pimpasa.request("GET", "/api/outreach/coverage")).json();
    expect(mine.summary.desa).toBe(25);
  });

  it("exports an XLSX with the regency's name, Indonesian headers and four sheets, and audits it", async () => {
    const res = await coordinator.request("GET", "/api/outreach/export.xlsx?from=2025-03-01&to=2025-03-31");
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
