// Team management with the case-worker lookup, editing persons and services, and what withdrawing
// consent does to referrals that were already accepted.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "../../../../test/helpers/app";
import { auditRows } from "../../../../test/helpers/audit";
import { rowsOf } from "../../db/client";
import { users } from "../../db/schema";
import { notifications } from "../notifications/notifications.tables";
import { openCase, shareConsent, type Staff, staffEnv, VICTIM } from "./cases.fixtures";

let env: TestEnv;
let s: Staff;
beforeAll(async () => {
  ({ env, s } = await staffEnv());
});
afterAll(() => env.close());

const audits = (action: string, resourceId: string) => auditRows(env.ctx, action, resourceId);

/** Every row of every case table and the audit log, as text. */
async function dumpCaseTables(): Promise<string> {
  const tables = rowsOf<{ table_name: string }>(
    await env.ctx.db.execute(
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND (table_name LIKE 'case%' OR table_name = 'audit_log')`,
    ),
  ).map((r) => r.table_name);
  let out = "";
  for (const t of tables)
    out +=
      rowsOf<{ t: string | null }>(await env.ctx.db.execute(sql`SELECT string_agg(x::text, '|') AS t FROM ${sql.identifier(t)} x`))[0]?.t ??
      "";
  return out;
}

/** A case with an accepted one-service referral to Dinkes (dinkesWorker2 assigned). */
async function caseWithServiceReferral() {
  const c = await openCase(s.owner);
  await shareConsent(s.owner, c.id, s.dinkes.id);
  const serviceId = (
    await s.owner.http.request("POST", `/api/cases/${c.id}/services`, {
      type: "health",
      providerAgencyId: s.dinkes.id,
      dueDate: "2030-01-01",
    })
  ).json().id as string;
  const ref = await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, {
    scope: "service",
    serviceId,
    toAgencyId: s.dinkes.id,
    assignedUserId: s.dinkesWorker2.user.id,
    reason: "AdditionalServicesRequired",
    details: "Pemeriksaan lanjutan trauma",
  });
  expect(ref.statusCode, ref.body).toBe(201);
  expect((await s.dinkesWorker.http.request("POST", `/api/referrals/${ref.json().id}/accept`, {})).statusCode).toBe(200);
  return { ...c, serviceId, referralId: ref.json().id as string };
}

describe("team-candidates lookup", () => {
  it("finds active case managers and investigators of any agency by name or agency, with id, name, agency and roles only", async () => {
    await env.ctx.db.update(users).set({ displayName: "Rina Puskesmas Pontang" }).where(eq(users.id, s.dinkesWorker.user.id));
    const res = await s.owner.http.request("GET", `/api/cases/team-candidates?q=${encodeURIComponent("puskesmas")}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      {
        id: s.dinkesWorker.user.id,
        displayName: "Rina Puskesmas Pontang",
        agency: { id: s.dinkes.id, name: "Dinas Kesehatan" },
        roles: ["case_manager"],
      },
    ]);
    // By agency name: the investigator of Polres.
    const police = (await s.owner.http.request("GET", `/api/cases/team-candidates?q=polres`)).json().items;
    expect(police.map((u: { id: string }) => u.id)).toEqual([s.investigator.user.id]);
    expect(police[0].roles).toEqual(["investigator"]);
    // Without q: case workers only (no coordinator, volunteer, admin...), never usernames or e-mails.
    const all = await s.coordinator.http.request("GET", "/api/cases/team-candidates");
    const ids = all.json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(s.owner.user.id);
    for (const who of ["coordinator", "volunteer", "pimpasa", "operator", "admin", "auditor"] as const)
      expect(ids).not.toContain(s[who].user.id);
    expect(all.body).not.toContain(s.owner.user.username);
    expect(all.body).not.toContain("@");
    // LIKE wildcards are taken literally.
    expect((await s.owner.http.request("GET", "/api/cases/team-candidates?q=%25")).json().items).toEqual([]);
  });

  it("leaves out disabled users, and is refused to roles without case work", async () => {
    await env.ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, s.dinkesWorker2.user.id));
    const ids = (await s.owner.http.request("GET", "/api/cases/team-candidates")).json().items.map((u: { id: string }) => u.id);
    expect(ids).not.toContain(s.dinkesWorker2.user.id);
    await env.ctx.db.update(users).set({ disabledAt: null }).where(eq(users.id, s.dinkesWorker2.user.id));
    for (const who of ["volunteer", "pimpasa", "operator", "admin", "auditor"] as const)
      expect((await s[who].http.request("GET", "/api/cases/team-candidates?q=a")).statusCode, who).toBe(403);
    expect((await s.owner.http.request("GET", `/api/cases/team-candidates?q=${"x".repeat(101)}`)).json().error.fields).toHaveProperty("q");
  });
});

describe("team management", () => {
  it("the owner adds a worker of another agency, removes a member and hands over ownership; others cannot", async () => {
    const c = await openCase(s.owner);
    const h = s.owner.http;
    const added = await h.request("POST", `/api/cases/${c.id}/members`, { userId: s.investigator.user.id });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().team).toContainEqual(
      expect.objectContaining({
        role: "member",
        user: expect.objectContaining({ id: s.investigator.user.id, agency: { id: s.polres.id, name: "Polres Serang" } }),
      }),
    );
    expect((await s.investigator.http.request("GET", `/api/cases/${c.id}`)).json().access).toBe("team");
    // Twice: conflict. A volunteer: field error.
    expect((await h.request("POST", `/api/cases/${c.id}/members`, { userId: s.investigator.user.id })).statusCode).toBe(409);
    expect((await h.request("POST", `/api/cases/${c.id}/members`, { userId: s.volunteer.user.id })).json().error.fields).toHaveProperty(
      "userId",
    );
    // A member does not manage the team; a coordinator neither.
    expect((await s.investigator.http.request("POST", `/api/cases/${c.id}/members`, { userId: s.member.user.id })).statusCode).toBe(403);
    expect((await s.coordinator.http.request("POST", `/api/cases/${c.id}/members`, { userId: s.member.user.id })).statusCode).toBe(403);
    expect((await s.outsider.http.request("POST", `/api/cases/${c.id}/members`, { userId: s.outsider.user.id })).statusCode).toBe(404);

    const removed = await h.request("DELETE", `/api/cases/${c.id}/members/${s.investigator.user.id}`);
    expect(removed.json().team.map((m: { user: { id: string } }) => m.user.id)).not.toContain(s.investigator.user.id);
    expect((await s.investigator.http.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(404);

    await h.request("POST", `/api/cases/${c.id}/members`, { userId: s.dinkesWorker.user.id });
    const moved = await h.request("POST", `/api/cases/${c.id}/owner`, { userId: s.dinkesWorker.user.id });
    expect(moved.json().owner.id).toBe(s.dinkesWorker.user.id);
    expect(moved.json().team).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: "owner", user: expect.objectContaining({ id: s.dinkesWorker.user.id }) }),
        expect.objectContaining({ role: "member", user: expect.objectContaining({ id: s.owner.user.id }) }),
      ]),
    );
    expect(moved.json().team.filter((m: { role: string }) => m.role === "owner")).toHaveLength(1);
    // The former owner no longer manages the team.
    expect((await h.request("POST", `/api/cases/${c.id}/members`, { userId: s.member.user.id })).statusCode).toBe(403);
    for (const action of ["case.member_add", "case.member_remove", "case.owner_transfer"])
      expect((await audits(action, c.id)).length, action).toBeGreaterThan(0);
  });
});

describe("editing persons", () => {
  it("changes identity fields encrypted, re-indexes NIK and phone, audits field names only", async () => {
    const c = await openCase(s.owner, { victim: { ...VICTIM, nik: "3604125507990031", phones: ["0812 0000 0031"] } });
    const url = `/api/cases/${c.id}/persons/${c.victimId}`;
    const res = await s.owner.http.request("PATCH", url, {
      name: "Dewi Kartikasari Binti Jaelani",
      nik: "3604125507990032",
      phones: ["0813 7777 0032"],
      address: null,
      birthDate: "2010-02-03",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: "Dewi Kartikasari Binti Jaelani",
      nik: "3604125507990032",
      phones: ["0813 7777 0032"],
      address: null,
      ageBand: "0-17",
    });
    expect((await s.owner.http.request("GET", url)).json().name).toBe("Dewi Kartikasari Binti Jaelani");

    const find = async (q: string) => (await s.owner.http.request("GET", `/api/cases?${q}`)).json().items.map((x: { id: string }) => x.id);
    expect(await find("nik=3604125507990032")).toEqual([c.id]);
    expect(await find("nik=3604125507990031")).toEqual([]);
    expect(await find("phone=081377770032")).toEqual([c.id]);
    expect(await find("phone=081200000031")).toEqual([]);

    const dump = await dumpCaseTables();
    for (const secret of ["Dewi Kartikasari", "3604125507990032", "2010-02-03", "7777 0032", "6281377770032"])
      expect(dump.includes(secret), secret).toBe(false);

    const [a] = await audits("case.person_update", c.id);
    expect(a!.details).toMatchObject({
      personId: c.victimId,
      fields: expect.arrayContaining(["name", "nik", "phones", "address", "birthDate"]),
    });
    expect(a!.actorUserId).toBe(s.owner.user.id);

    // Clearing the NIK removes its blind index.
    expect((await s.owner.http.request("PATCH", url, { nik: null })).json().nik).toBeNull();
    expect(await find("nik=3604125507990032")).toEqual([]);
  });

  it("edits a perpetrator's aliases, accounts and roles", async () => {
    const c = await openCase(s.owner);
    const perp = await s.owner.http.request("POST", `/api/cases/${c.id}/persons`, {
      kind: "perpetrator",
      name: "Bang Jali",
      perpetratorRoles: ["RecruiterOrIntermediary"],
      bankAccounts: ["BRI 1234567890"],
    });
    const res = await s.owner.http.request("PATCH", `/api/cases/${c.id}/persons/${perp.json().id}`, {
      aliases: ["Jali Sponsor"],
      bankAccounts: ["BNI 9988776655"],
      perpetratorRoles: ["RecruiterOrIntermediary", "Transporter"],
    });
    expect(res.json()).toMatchObject({
      kind: "perpetrator",
      aliases: ["Jali Sponsor"],
      bankAccounts: ["BNI 9988776655"],
      perpetratorRoles: ["RecruiterOrIntermediary", "Transporter"],
    });
    const dump = await dumpCaseTables();
    for (const secret of ["Jali Sponsor", "9988776655"]) expect(dump.includes(secret), secret).toBe(false);
  });

  it("bad input answers 400 per field and changes nothing", async () => {
    const c = await openCase(s.owner);
    const url = `/api/cases/${c.id}/persons/${c.victimId}`;
    const bad = await s.owner.http.request("PATCH", url, { name: "Nama Baru Sekali", nik: "12345", sex: "x", phones: ["1"] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["nik", "phones.0", "sex"]);
    for (const m of Object.values(bad.json().error.fields)) expect(typeof m).toBe("string");
    const future = await s.owner.http.request("PATCH", url, { name: "Nama Baru Sekali", birthDate: "2999-01-01" });
    expect(future.json().error.fields).toEqual({ birthDate: expect.any(String) });
    const desa = await s.owner.http.request("PATCH", url, { name: "Nama Baru Sekali", desaCode: "36.04.12.9999" });
    expect(desa.json().error.fields).toEqual({ desaCode: "Kode wilayah tidak dikenal." });
    expect((await s.owner.http.request("PATCH", url, { kind: "family" })).statusCode).toBe(400);
    expect((await s.owner.http.request("GET", url)).json()).toMatchObject({
      name: VICTIM.name,
      nik: VICTIM.nik,
      desaCode: VICTIM.desaCode,
    });
    expect(await audits("case.person_update", c.id)).toHaveLength(0);
    // English messages for an English client.
    const en = await s.owner.http.request("PATCH", url, { nik: "12345" }, { "accept-language": "en" });
    expect(en.json().error.fields.nik).not.toBe(bad.json().error.fields.nik);
  });

  it("only the team edits: coordinator and service-referral user 403, outsider 404, unknown person 404", async () => {
    const c = await caseWithServiceReferral();
    const url = `/api/cases/${c.id}/persons/${c.victimId}`;
    expect((await s.dinkesWorker2.http.request("GET", `/api/cases/${c.id}`)).json().access).toBe("referral_service");
    expect((await s.dinkesWorker2.http.request("PATCH", url, { name: "Orang Lain" })).statusCode).toBe(403);
    expect((await s.coordinator.http.request("PATCH", url, { name: "Orang Lain" })).statusCode).toBe(403);
    expect((await s.outsider.http.request("PATCH", url, { name: "Orang Lain" })).statusCode).toBe(404);
    expect((await s.volunteer.http.request("PATCH", url, { nonsense: 1 })).statusCode).toBe(404);
    // A person of another case, through this case's URL.
    const other = await openCase(s.owner);
    expect((await s.owner.http.request("PATCH", `/api/cases/${c.id}/persons/${other.victimId}`, { name: "Orang Lain" })).statusCode).toBe(
      404,
    );
    expect((await s.owner.http.request("GET", url)).json().name).toBe(VICTIM.name);
  });
});

describe("editing services", () => {
  it("the team changes provider, status, due date and notes; notes are encrypted; audited", async () => {
    const c = await openCase(s.owner);
    const id = (
      await s.owner.http.request("POST", `/api/cases/${c.id}/services`, {
        type: "shelter",
        providerAgencyId: s.ppa.id,
        dueDate: "2030-01-01",
      })
    ).json().id;
    await s.owner.http.request("POST", `/api/cases/${c.id}/members`, { userId: s.member.user.id });
    const res = await s.member.http.request("PATCH", `/api/cases/${c.id}/services/${id}`, {
      status: "in_progress",
      providerAgencyId: s.dinkes.id,
      dueDate: "2030-02-15",
      notes: "Rumah aman Cipocok kamar 4",
    });
    expect(res.statusCode, res.body).toBe(200);
    const svc = (await s.owner.http.request("GET", `/api/cases/${c.id}`)).json().services.find((x: { id: string }) => x.id === id);
    expect(svc).toMatchObject({
      status: "in_progress",
      providerAgency: { id: s.dinkes.id },
      dueDate: "2030-02-15",
      notes: "Rumah aman Cipocok kamar 4",
    });
    expect((await dumpCaseTables()).includes("Cipocok kamar 4")).toBe(false);
    const [a] = await audits("case.service_update", c.id);
    expect(a!.details).toMatchObject({ serviceId: id, fields: ["status", "providerAgencyId", "dueDate", "notes"], status: "in_progress" });
    // Cleared provider and due date.
    await s.owner.http.request("PATCH", `/api/cases/${c.id}/services/${id}`, { providerAgencyId: null, dueDate: null });
    const cleared = (await s.owner.http.request("GET", `/api/cases/${c.id}`)).json().services[0];
    expect(cleared).toMatchObject({ providerAgency: null, dueDate: null });
  });

  it("bad input answers 400 per field and changes nothing; the coordinator cannot edit", async () => {
    const c = await openCase(s.owner);
    const id = (await s.owner.http.request("POST", `/api/cases/${c.id}/services`, { type: "shelter", dueDate: "2030-01-01" })).json().id;
    const url = `/api/cases/${c.id}/services/${id}`;
    const bad = await s.owner.http.request("PATCH", url, { status: "done", dueDate: "01-02-2030", notes: "" });
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["dueDate", "notes", "status"]);
    const agency = await s.owner.http.request("PATCH", url, {
      providerAgencyId: "00000000-0000-4000-8000-000000000000",
      status: "delivered",
    });
    expect(agency.json().error.fields).toEqual({ providerAgencyId: expect.any(String) });
    expect((await s.coordinator.http.request("PATCH", url, { status: "delivered" })).statusCode).toBe(403);
    expect((await s.owner.http.request("GET", `/api/cases/${c.id}`)).json().services[0]).toMatchObject({
      status: "planned",
      dueDate: "2030-01-01",
    });
    expect(await audits("case.service_update", c.id)).toHaveLength(0);
  });
});

describe("withdrawing consent after a referral was accepted", () => {
  const consentOf = async (caseId: string, agencyId: string) =>
    (await s.owner.http.request("GET", `/api/cases/${caseId}`))
      .json()
      .consents.find((x: { agency: { id: string } | null; withdrawnAt: string | null }) => x.agency?.id === agencyId && !x.withdrawnAt)
      .id as string;

  it("ends the accepted referral at once: access goes, the reason is on the referral, the sender is told, it is audited", async () => {
    const c = await caseWithServiceReferral();
    await s.owner.http.request("POST", `/api/cases/${c.id}/members`, { userId: s.member.user.id });
    expect((await s.dinkesWorker2.http.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(200);
    // A team member records the withdrawal the victim asked for.
    const w = await s.member.http.request("POST", `/api/cases/${c.id}/consents/${await consentOf(c.id, s.dinkes.id)}/withdraw`);
    expect(w.statusCode, w.body).toBe(200);

    expect((await s.dinkesWorker2.http.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect(
      (await s.dinkesWorker2.http.request("PATCH", `/api/cases/${c.id}/services/${c.serviceId}`, { status: "delivered" })).statusCode,
    ).toBe(404);
    const ref = (await s.owner.http.request("GET", `/api/cases/${c.id}`))
      .json()
      .referrals.find((r: { id: string }) => r.id === c.referralId);
    expect(ref).toMatchObject({
      status: "revoked",
      revokedAt: expect.any(String),
      revokeReason: expect.stringContaining("Persetujuan korban"),
    });
    // The receiving agency's inbox still lists it, without the details.
    const inbox = (await s.dinkesWorker.http.request("GET", "/api/referrals?box=incoming"))
      .json()
      .items.find((r: { id: string }) => r.id === c.referralId);
    expect(inbox).toMatchObject({ status: "revoked", revokeReason: expect.stringContaining("Persetujuan korban") });
    expect(inbox.details).toBeUndefined();
    const outbox = (await s.owner.http.request("GET", "/api/referrals?box=outgoing"))
      .json()
      .items.find((r: { id: string }) => r.id === c.referralId);
    expect(outbox.details).toBe("Pemeriksaan lanjutan trauma");
    // Cannot be completed any more.
    expect((await s.dinkesWorker2.http.request("POST", `/api/referrals/${c.referralId}/complete`)).statusCode).toBe(409);

    const told = await env.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.resourceId, c.id), eq(notifications.kind, "case.referral_consent_withdrawn")));
    expect(told.map((n) => n.userId).sort()).toEqual([s.owner.user.id, s.dinkesWorker2.user.id].sort());
    expect(told[0]!.title).toContain(c.code);
    expect(JSON.stringify(told)).not.toContain(VICTIM.name);

    expect(await audits("referral.consent_withdrawn", c.referralId)).toHaveLength(1);
    const [wa] = await audits("case.consent_withdraw", c.id);
    expect(wa!.details).toMatchObject({ endedReferrals: [c.referralId] });
  });

  it("a refusal recorded later ends it too; another valid consent to the same agency keeps it; overrides stay", async () => {
    // Refusal.
    const a = await caseWithServiceReferral();
    await shareConsent(s.owner, a.id, s.dinkes.id, { given: false, method: "verbal" });
    expect((await s.dinkesWorker2.http.request("GET", `/api/cases/${a.id}`)).statusCode).toBe(404);

    // Two consents to Dinkes: withdrawing the older one leaves the newer in force.
    const b = await caseWithServiceReferral();
    const older = await consentOf(b.id, s.dinkes.id);
    await shareConsent(s.owner, b.id, s.dinkes.id, { method: "guardian" });
    await s.owner.http.request("POST", `/api/cases/${b.id}/consents/${older}/withdraw`);
    expect((await s.dinkesWorker2.http.request("GET", `/api/cases/${b.id}`)).statusCode).toBe(200);

    // Withdrawing consent for another agency changes nothing for Dinkes.
    await shareConsent(s.owner, b.id, s.polres.id);
    await s.owner.http.request("POST", `/api/cases/${b.id}/consents/${await consentOf(b.id, s.polres.id)}/withdraw`);
    expect((await s.dinkesWorker2.http.request("GET", `/api/cases/${b.id}`)).statusCode).toBe(200);

    // A referral sent under a documented override did not rest on consent: it stays.
    const c = await openCase(s.owner);
    const ref = await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, {
      scope: "case",
      toAgencyId: s.polres.id,
      reason: "Other",
      overrideReason: "Penyidikan tindak pidana berjalan",
    });
    await s.investigator.http.request("POST", `/api/referrals/${ref.json().id}/accept`, {});
    await shareConsent(s.owner, c.id, s.polres.id, { given: false, method: "verbal" });
    expect((await s.investigator.http.request("GET", `/api/cases/${c.id}`)).json().access).toBe("referral_case");
  });

  it("a referral still waiting for an answer is revoked as well", async () => {
    const c = await openCase(s.owner);
    await shareConsent(s.owner, c.id, s.polres.id);
    const ref = (
      await s.owner.http.request("POST", `/api/cases/${c.id}/referrals`, { scope: "case", toAgencyId: s.polres.id, reason: "Other" })
    ).json();
    await s.owner.http.request("POST", `/api/cases/${c.id}/consents/${await consentOf(c.id, s.polres.id)}/withdraw`);
    const after = (await s.owner.http.request("GET", `/api/cases/${c.id}`)).json().referrals.find((r: { id: string }) => r.id === ref.id);
    expect(after.status).toBe("revoked");
    expect((await s.investigator.http.request("POST", `/api/referrals/${ref.id}/accept`, {})).statusCode).toBe(409);
  });
});
