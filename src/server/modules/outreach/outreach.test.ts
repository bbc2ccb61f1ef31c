import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { auditRows } from "../../../../test/helpers/audit";
import { auditLog, users } from "../../db/schema";
import { DESA_A, DESA_B, DESA_TIRTAYASA, type OutreachStaff, outreachEnv, session } from "./outreach.fixtures";
import { outreachSessions } from "./outreach.tables";

let env: TestEnv;
let o: OutreachStaff;
beforeAll(async () => {
  ({ env, staff: o } = await outreachEnv());
});
afterAll(() => env.close());

describe("recording sessions", () => {
  it("is idempotent: the same client id sent twice stores one session", async () => {
    const body = session();
    const first = await o.relawan.http.request("POST", "/api/outreach/sessions", body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      id: body.id,
      desaName: expect.any(String),
      kecamatanName: "Pontang",
      localStart: "2025-03-14 09:00",
      startsAt: "2025-03-14T02:00:00.000Z",
      attendanceTotals: { female: 25, male: 15, total: 40 },
      organiser: { id: o.agencyId, name: "Pemerintah Desa Pontang" },
      quiz: { preScore: 55, postScore: 80, respondents: 20 },
      photos: [],
    });
    const retry = await o.relawan.http.request("POST", "/api/outreach/sessions", body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(body.id);
    const [{ n }] = (await env.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outreachSessions)
      .where(eq(outreachSessions.id, body.id))) as [{ n: number }];
    expect(n).toBe(1);
    // Someone else re-using that id is refused, not merged.
    expect((await o.otherRelawan.http.request("POST", "/api/outreach/sessions", body)).statusCode).toBe(409);
  });

  it("refuses unknown topics and audiences with a message per field", async () => {
    const res = await o.relawan.http.request("POST", "/api/outreach/sessions", session({ topics: ["gossip"], audiences: [] }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(["audiences", "topics.0"]);
  });
});

describe("a volunteer account", () => {
  let theirs: string;
  beforeAll(async () => {
    theirs = (await o.pimpasa.http.request("POST", "/api/outreach/sessions", session({ desaCode: DESA_TIRTAYASA }))).json().id;
  });

  it("records only in its assigned desa", async () => {
    const res = await o.relawan.http.request("POST", "/api/outreach/sessions", session({ desaCode: DESA_B }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(["desaCode"]);
    expect((await env.ctx.db.select().from(outreachSessions).where(eq(outreachSessions.desaCode, DESA_B))).length).toBe(0);
  });

  it("sees only its own sessions; another's session answers 404 and cannot be changed", async () => {
    const other = (await o.otherRelawan.http.request("POST", "/api/outreach/sessions", session())).json().id;
    const list = (await o.relawan.http.request("GET", "/api/outreach/sessions")).json();
    expect(list.items.every((s: any) => s.recordedBy.id === o.relawan.user.id)).toBe(true);
    expect(list.items.map((s: any) => s.id)).not.toContain(other);
    expect((await o.relawan.http.request("GET", `/api/outreach/sessions/${other}`)).statusCode).toBe(404);
    expect((await o.relawan.http.request("GET", `/api/outreach/sessions/${theirs}`)).statusCode).toBe(404);
    expect((await o.relawan.http.request("PATCH", `/api/outreach/sessions/${other}`, { venue: "X" })).statusCode).toBe(404);
    const cal = (await o.relawan.http.request("GET", "/api/outreach/sessions/calendar?from=2025-01-01&to=2025-12-31")).json().items;
    expect(cal.map((c: any) => c.id)).not.toContain(other);
  });

  it("never reaches reports, cases, villages, coverage, volunteers' data or exports", async () => {
    for (const url of [
      "/api/reports",
      "/api/reports/inbox",
      "/api/villages",
      `/api/villages/${DESA_A}`,
      "/api/outreach/coverage",
      "/api/outreach/export.xlsx",
      "/api/volunteers",
      "/api/admin/users",
    ]) {
      expect((await o.relawan.http.request("GET", url)).statusCode, url).toBe(403);
    }
    // The case list is refused by role at route level (test/authz-matrix.test.ts): 403, like the routes above.
    expect((await o.relawan.http.request("GET", "/api/cases")).statusCode).toBe(403);
  });

  it("staff see sessions in their jurisdiction with filters", async () => {
    const byKec = (await o.pimpasa.http.request("GET", "/api/outreach/sessions?kecamatan=36.04.13")).json();
    expect(byKec.items.map((s: any) => s.id)).toEqual([theirs]);
    const byAgency = (
      await o.coordinator.http.request("GET", `/api/outreach/sessions?agencyId=${o.agencyId}&from=2025-03-01&to=2025-03-31`)
    ).json();
    expect(byAgency.total).toBe(1);
    const none = (await o.coordinator.http.request("GET", "/api/outreach/sessions?from=2025-04-01")).json();
    expect(none.total).toBe(0);
  });

  it("an inactive volunteer records nothing", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const reg = await o.coordinator.http.request("POST", "/api/volunteers", {
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
  // Sessions of 2024, kept apart from the March 2025 sessions above.
  const held = (over: Record<string, unknown> = {}) =>
    session({ startsAt: "2024-06-10T09:00", status: "planned", attendance: {}, ...over });

  it("lets a volunteer complete their own planned session; totals are recomputed and the change is audited", async () => {
    const id = (await o.relawan.http.request("POST", "/api/outreach/sessions", held())).json().id;
    const res = await o.relawan.http.request("PATCH", `/api/outreach/sessions/${id}`, {
      status: "held",
      startsAt: "2024-06-10T13:30",
      venue: "Aula Desa",
      attendance: { female: { under_18: 7 }, male: { "60_plus": 3 } },
      topics: ["hotlines"],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "held",
      localStart: "2024-06-10 13:30",
      venue: "Aula Desa",
      attendanceTotals: { female: 7, male: 3, total: 10 },
      topics: ["hotlines"],
    });
    expect((await o.relawan.http.request("GET", `/api/outreach/sessions/${id}`)).json()).toMatchObject({
      venue: "Aula Desa",
      abilities: { update: true },
    });
    expect(await auditRows(env.ctx, "outreach.update", id)).toHaveLength(1);
  });

  it("refuses bad input with a message per field and changes nothing", async () => {
    const id = (await o.relawan.http.request("POST", "/api/outreach/sessions", held({ venue: "Balai Desa" }))).json().id;
    const res = await o.relawan.http.request("PATCH", `/api/outreach/sessions/${id}`, {
      venue: "Lain",
      topics: ["gossip"],
      attendance: { female: { under_18: -1 } },
      startsAt: "kemarin",
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(["attendance.female.under_18", "startsAt", "topics.0"]);
    const late = await o.relawan.http.request("PATCH", `/api/outreach/sessions/${id}`, { venue: "Lain", endsAt: "2024-06-10T08:00" });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toEqual({ endsAt: "Jam selesai harus sesudah jam mulai." });
    // The same rule for a new session (an offline form sent later): refused, nothing stored.
    const newId = randomUUID();
    const early = await o.relawan.http.request("POST", "/api/outreach/sessions", held({ id: newId, endsAt: "2024-06-10T08:30" }));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({ endsAt: "Jam selesai harus sesudah jam mulai." });
    expect((await o.relawan.http.request("GET", `/api/outreach/sessions/${newId}`)).statusCode).toBe(404);
    expect((await o.relawan.http.request("GET", `/api/outreach/sessions/${id}`)).json()).toMatchObject({
      venue: "Balai Desa",
      status: "planned",
    });
  });

  it("keeps a volunteer's session in the volunteer's assigned desa", async () => {
    const id = (await o.relawan.http.request("POST", "/api/outreach/sessions", held())).json().id;
    const res = await o.relawan.http.request("PATCH", `/api/outreach/sessions/${id}`, { desaCode: DESA_B, venue: "Lain" });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(["desaCode"]);
    expect((await o.relawan.http.request("GET", `/api/outreach/sessions/${id}`)).json()).toMatchObject({
      desaCode: DESA_A,
      venue: "Balai Desa",
    });
  });

  it("lets staff who may read but not change a session see it without the right to save", async () => {
    const id = (await o.relawan.http.request("POST", "/api/outreach/sessions", held())).json().id;
    expect((await o.pimpasa.http.request("GET", `/api/outreach/sessions/${id}`)).json().abilities.update).toBe(false);
    expect((await o.pimpasa.http.request("PATCH", `/api/outreach/sessions/${id}`, { venue: "Lain" })).statusCode).toBe(403);
    expect((await o.otherRelawan.http.request("PATCH", `/api/outreach/sessions/${id}`, { venue: "Lain" })).statusCode).toBe(404);
    expect((await o.relawan.http.request("GET", `/api/outreach/sessions/${id}`)).json().venue).toBe("Balai Desa");
  });

  it("lets a coordinator move a session to another desa, with its kecamatan", async () => {
    const id = (await o.coordinator.http.request("POST", "/api/outreach/sessions", held())).json().id;
    const res = await o.coordinator.http.request("PATCH", `/api/outreach/sessions/${id}`, { desaCode: DESA_TIRTAYASA });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ desaCode: DESA_TIRTAYASA, kecamatanCode: "36.04.13", kecamatanName: "Tirtayasa" });
  });
});

describe("volunteer registry", () => {
  it("registers a volunteer with consent, code of conduct and training; the account's jurisdiction follows the assigned desa", async () => {
    const u = await createUser(env.ctx, { roles: ["volunteer"] });
    const before = await sessionFor(env, u);
    const res = await o.coordinator.http.request("POST", "/api/volunteers", {
      name: "Ahmad",
      phone: "0813 1111 2222",
      userId: u.id,
      agencyId: o.agencyId,
      desaCodes: [DESA_TIRTAYASA],
      consentAt: "2025-02-01",
      codeOfConductAt: "2025-02-01",
      codeOfConductVersion: "2025-1",
    });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      name: "Ahmad",
      phone: "0813 1111 2222",
      consentAt: "2025-02-01",
      active: true,
      desa: [{ code: DESA_TIRTAYASA }],
    });
    const [row] = await env.ctx.db.select({ j: users.jurisdiction }).from(users).where(eq(users.id, u.id));
    expect(row!.j).toEqual([DESA_TIRTAYASA]);
    expect((await before.request("GET", "/api/auth/me")).statusCode).toBe(401);
    const t = await o.coordinator.http.request("POST", `/api/volunteers/${v.id}/trainings`, {
      title: "Pelatihan modus TPPO",
      provider: "BP3MI Banten",
      completedOn: "2025-02-15",
    });
    expect(t.json().trainings).toHaveLength(1);
    const me = await (await sessionFor(env, u)).request("GET", "/api/volunteers/me");
    expect(me.json()).toMatchObject({ id: v.id, trainings: [{ title: "Pelatihan modus TPPO" }] });
    const audit = await env.ctx.db.select().from(auditLog).where(eq(auditLog.resourceId, v.id));
    expect(JSON.stringify(audit)).not.toMatch(/1111\D?2222/);
  });
});
