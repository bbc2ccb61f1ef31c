import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "../../../../test/helpers/app";
import { rowsOf } from "../../db/client";
import { auditLog } from "../../db/schema";
import { type Actor, openCase, shareConsent, type Staff, staffEnv, VICTIM } from "./cases.fixtures";

let env: TestEnv;
let s: Staff;
let kase: { id: string; code: string; victimId: string };

beforeAll(async () => {
  ({ env, s } = await staffEnv());
  kase = await openCase(s.owner);
  // A second team member, and a referral accepted by Dinkes (consent recorded first).
  expect((await s.owner.http.request("POST", `/api/cases/${kase.id}/members`, { userId: s.member.user.id })).statusCode).toBe(200);
  expect((await shareConsent(s.owner, kase.id, s.dinkes.id)).statusCode).toBe(201);
  const ref = await s.owner.http.request("POST", `/api/cases/${kase.id}/referrals`, {
    scope: "case",
    toAgencyId: s.dinkes.id,
    reason: "AdditionalServicesRequired",
  });
  expect(ref.statusCode, ref.body).toBe(201);
  const acc = await s.dinkesWorker.http.request("POST", `/api/referrals/${ref.json().id}/accept`, {});
  expect(acc.statusCode, acc.body).toBe(200);
});
afterAll(() => env.close());

describe("who sees a case", () => {
  const get = (a: Actor, url: string) => a.http.request("GET", url);

  it("the team and the accepted referral's user see the identity; strangers get 404", async () => {
    const expectations: [keyof Staff, number, boolean][] = [
      ["owner", 200, true],
      ["member", 200, true],
      ["dinkesWorker", 200, true],
      ["dinkesWorker2", 404, false], // same receiving agency, but not the assigned user
      ["outsider", 404, false], // case manager of the owner's own agency, not on the team
      ["investigator", 404, false],
      ["coordinatorElsewhere", 404, false],
      ["volunteer", 404, false],
      ["pimpasa", 404, false],
      ["operator", 404, false],
      ["admin", 404, false],
      ["auditor", 404, false],
    ];
    for (const [who, status, identity] of expectations) {
      const res = await get(s[who] as Actor, `/api/cases/${kase.id}`);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
      if (identity) expect(res.json().victims[0].name).toBe(VICTIM.name);
      else expect(res.body).not.toContain(VICTIM.name);
      const person = await get(s[who] as Actor, `/api/cases/${kase.id}/persons/${kase.victimId}`);
      expect(person.statusCode, `${who} person`).toBe(status);
    }
  });

  it("a coordinator sees the case at aggregate level: sex and age band, no name, NIK or narrative", async () => {
    const res = await get(s.coordinator, `/api/cases/${kase.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.access).toBe("aggregate");
    expect(body.victims[0]).toEqual({
      id: kase.victimId,
      kind: "victim",
      sex: "female",
      ageBand: "25-34",
      desaCode: VICTIM.desaCode,
      pmiStatus: "non_procedural",
    });
    expect(body.summary).toBeUndefined();
    for (const secret of [VICTIM.name, VICTIM.nik, VICTIM.birthDate, "3456", "Kenari", "Kamboja"]) expect(res.body).not.toContain(secret);
    const person = await get(s.coordinator, `/api/cases/${kase.id}/persons/${kase.victimId}`);
    expect(person.json().name).toBeUndefined();
  });

  it("strangers get 404 before validation, and cannot write", async () => {
    for (const who of ["outsider", "volunteer", "operator", "coordinatorElsewhere"] as const) {
      expect((await s[who].http.request("POST", `/api/cases/${kase.id}/notes`, { nonsense: true })).statusCode, who).toBe(404);
      expect((await s[who].http.request("PATCH", `/api/cases/${kase.id}`, { priority: "low" })).statusCode, who).toBe(404);
      expect((await s[who].http.request("GET", `/api/cases/${kase.id}/export/htcds`)).statusCode, who).toBe(404);
    }
    // Coordinators read, but do not edit.
    expect((await s.coordinator.http.request("PATCH", `/api/cases/${kase.id}`, { priority: "low" })).statusCode).toBe(403);
    // Only the owner manages the team or closes.
    expect((await s.member.http.request("POST", `/api/cases/${kase.id}/close`, { reason: "other" })).statusCode).toBe(403);
  });

  it("lists: each user sees only their cases; roles without case work are refused", async () => {
    const mine = await s.member.http.request("GET", "/api/cases");
    expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([kase.id]);
    expect((await s.outsider.http.request("GET", "/api/cases")).json().items).toEqual([]);
    const coord = (await s.coordinator.http.request("GET", "/api/cases")).json().items;
    expect(coord.map((c: { id: string }) => c.id)).toContain(kase.id);
    expect(JSON.stringify(coord)).not.toContain(VICTIM.name);
    expect((await s.coordinatorElsewhere.http.request("GET", "/api/cases")).json().items).toEqual([]);
    for (const who of ["volunteer", "pimpasa", "operator"] as const)
      expect((await s[who].http.request("GET", "/api/cases")).statusCode).toBe(403);
  });
});

describe("identity fields at rest", () => {
  it("the database holds no identity field in plain text", async () => {
    // Every text-ish column of every case table, cast to text and searched for each identity value.
    const tables = rowsOf<{ table_name: string }>(
      await env.ctx.db.execute(
        sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND (table_name LIKE 'case%' OR table_name = 'audit_log')`,
      ),
    ).map((r) => r.table_name);
    expect(tables).toContain("case_persons");
    const normalisedPhone = "6281234567890";
    for (const t of tables) {
      const dump =
        rowsOf<{ t: string }>(await env.ctx.db.execute(sql`SELECT string_agg(x::text, '|') AS t FROM ${sql.identifier(t)} x`))[0]?.t ?? "";
      for (const secret of [VICTIM.name, "Nurhalimah", VICTIM.nik, VICTIM.birthDate, "3456-7890", normalisedPhone, "Kenari"]) {
        expect(dump.includes(secret), `${secret} in ${t}`).toBe(false);
      }
    }
    const [row] = rowsOf<{ name_enc: string }>(
      await env.ctx.db.execute(sql`SELECT name_enc FROM case_persons WHERE id = ${kase.victimId}`),
    );
    expect(row!.name_enc).toMatch(/^v1\./);
  });

  it("finds a case by exact NIK or phone through the keyed hash, only for those who may see identity", async () => {
    const byNik = await s.member.http.request("GET", `/api/cases?nik=${VICTIM.nik}`);
    expect(byNik.json().items.map((c: { id: string }) => c.id)).toEqual([kase.id]);
    const byPhone = await s.member.http.request("GET", `/api/cases?phone=${encodeURIComponent("+62 812 3456 7890")}`);
    expect(byPhone.json().items.map((c: { id: string }) => c.id)).toEqual([kase.id]);
    expect((await s.member.http.request("GET", "/api/cases?nik=3604125507990002")).json().items).toEqual([]);
    expect((await s.coordinator.http.request("GET", `/api/cases?nik=${VICTIM.nik}`)).json().items).toEqual([]);
    expect((await s.outsider.http.request("GET", `/api/cases?nik=${VICTIM.nik}`)).json().items).toEqual([]);
  });

  it("updating a phone re-indexes it", async () => {
    const res = await s.owner.http.request("PATCH", `/api/cases/${kase.id}/persons/${kase.victimId}`, { phones: ["0857 1111 2222"] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await s.owner.http.request("GET", "/api/cases?phone=085711112222")).json().items).toHaveLength(1);
    expect((await s.owner.http.request("GET", "/api/cases?phone=081234567890")).json().items).toHaveLength(0);
    await s.owner.http.request("PATCH", `/api/cases/${kase.id}/persons/${kase.victimId}`, { phones: VICTIM.phones });
  });
});

describe("audit", () => {
  it("records every read of a case and of a person, with the reader, in the read's transaction", async () => {
    const count = async (action: string, userId: string) =>
      (
        await env.ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(and(eq(auditLog.action, action), eq(auditLog.resourceId, kase.id), eq(auditLog.actorUserId, userId)))
      )[0]!.n;
    const before = await count("case.read", s.coordinator.user.id);
    await s.coordinator.http.request("GET", `/api/cases/${kase.id}`);
    expect(await count("case.read", s.coordinator.user.id)).toBe(before + 1);
    const pBefore = await count("case.person_read", s.member.user.id);
    await s.member.http.request("GET", `/api/cases/${kase.id}/persons/${kase.victimId}`);
    expect(await count("case.person_read", s.member.user.id)).toBe(pBefore + 1);
    const eBefore = await count("case.export", s.owner.user.id);
    await s.owner.http.request("GET", `/api/cases/${kase.id}/export/htcds?format=csv`);
    expect(await count("case.export", s.owner.user.id)).toBe(eBefore + 1);
    const all = JSON.stringify(await env.ctx.db.select().from(auditLog));
    expect(all).not.toContain(VICTIM.name);
    expect(all).not.toContain(VICTIM.nik);
  });
});

describe("case lifecycle", () => {
  it("assessment, service plan, legal milestones, trafficking status, closure and reopening", async () => {
    const c = await openCase(s.owner, { victim: { ...VICTIM, nik: "3604125507990009" } });
    const h = s.owner.http;
    expect(
      (await h.request("POST", `/api/cases/${c.id}/assessments`, { risk: "high", needs: ["shelter", "health"], summary: "Trauma" }))
        .statusCode,
    ).toBe(201);
    expect(
      (await h.request("POST", `/api/cases/${c.id}/services`, { type: "shelter", providerAgencyId: s.ppa.id, dueDate: "2026-12-01" }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await h.request("POST", `/api/cases/${c.id}/legal`, {
          stage: "police_report",
          date: "2026-11-02",
          articles: ["2 ayat (1)", "4"],
          reference: "LP/B/123/XI/2026",
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await h.request("POST", `/api/cases/${c.id}/legal`, { stage: "verdict", date: "2026-11-02", articles: ["99"] })).statusCode,
    ).toBe(400);
    const badDesa = await h.request("POST", `/api/cases/${c.id}/persons`, { kind: "family", name: "Ibu", desaCode: "36.04.12.9999" });
    expect(badDesa.json().error.fields).toEqual({ desaCode: "Kode wilayah tidak dikenal." });
    expect((await h.request("PATCH", `/api/cases/${c.id}`, { traffickingStatus: "confirmed" })).json().error.fields).toHaveProperty(
      "traffickingStatusOrg",
    );
    const upd = await h.request("PATCH", `/api/cases/${c.id}`, {
      traffickingStatus: "confirmed",
      traffickingStatusOrg: "Police",
      status: "active",
    });
    expect(upd.json()).toMatchObject({ traffickingStatus: "confirmed", traffickingStatusOrg: "Police", status: "active" });
    const closed = await h.request("POST", `/api/cases/${c.id}/close`, { reason: "services_completed", note: "Sudah kembali ke keluarga" });
    expect(closed.json()).toMatchObject({ status: "closed", closureReason: "services_completed" });
    expect((await h.request("POST", `/api/cases/${c.id}/close`, { reason: "other" })).statusCode).toBe(409);
    expect((await h.request("PATCH", `/api/cases/${c.id}`, { priority: "low" })).statusCode).toBe(409);
    const reopened = await h.request("POST", `/api/cases/${c.id}/reopen`, { reason: "Korban dihubungi lagi oleh perekrut" });
    expect(reopened.json()).toMatchObject({ status: "active", closedAt: null });
    expect(reopened.json().notes.at(-1).body).toContain("dibuka kembali");
  });

  it("a coordinator opens a case for a case manager and is not on its team", async () => {
    const noOwner = await s.coordinator.http.request("POST", "/api/cases", { origin: "walk_in" });
    expect(noOwner.json().error.fields).toHaveProperty("ownerId");
    const res = await s.coordinator.http.request("POST", "/api/cases", {
      origin: "walk_in",
      ownerId: s.outsider.user.id,
      regionCode: "36.04.13",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().access).toBe("aggregate");
    expect((await s.outsider.http.request("GET", `/api/cases/${res.json().id}`)).json().access).toBe("team");
    // A volunteer cannot be made owner.
    const bad = await s.coordinator.http.request("POST", "/api/cases", { origin: "walk_in", ownerId: s.volunteer.user.id });
    expect(bad.statusCode).toBe(400);
  });

  it("coordinator statistics are counts only", async () => {
    const res = await s.coordinator.http.request("GET", "/api/cases/stats");
    expect(res.statusCode).toBe(200);
    const st = res.json();
    expect(st.cases).toBeGreaterThanOrEqual(2);
    expect(st.victimsBySex.female).toBeGreaterThanOrEqual(2);
    expect(st.byKecamatan["36.04.12"]).toBeGreaterThanOrEqual(1);
    expect((await s.owner.http.request("GET", "/api/cases/stats")).statusCode).toBe(403);
  });
});
