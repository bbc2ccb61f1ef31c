// Retention and erasure under UU 27/2022: the daily job erases personal fields past their period and
// keeps held records; a data-subject request erases a person everywhere except under a legal hold; the
// audit trail records every step without personal data; statistics count the same afterwards.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Client, createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { decrypt } from "../../lib/crypto";
import { identifierHash } from "../../lib/identifiers";
import { intelIdentifiers } from "../intel/intel.tables";
import { IntelSync } from "../intel/intel.sync";
import { screenings } from "../screening/screening.tables";
import { volunteers } from "../volunteers/volunteers.tables";
import { rowsOf } from "../../db/client";
import { auditLog } from "../../db/schema";
import { AttachmentStore } from "../../lib/uploads/attachments";
import { jpegWithExif } from "../../lib/uploads/attachments.fixtures";
import { type Actor, openCase, staff, type Staff, VICTIM } from "../cases/cases.fixtures";
import { casePersonIdentifiers, casePersons, caseReports, cases } from "../cases/cases.tables";
import { publicReports, reportAttachments, reportIdentifiers } from "../reports/reports.tables";
import { runRetention } from "./retention.jobs";
import { retentionErasures } from "./retention.tables";

let env: TestEnv;
let s: Staff;

const REPORTER_PHONE = "0857 2222 3333";
const REPORTER_NAME = "Ibu Warsinah Binti Karta";
const RECRUITER_PHONE = "0813-7777-1111";
const DESCRIPTION = "Adik saya dijanjikan kerja di pabrik Malaysia oleh Pak Darto, paspor ditahan.";
const YEAR_MS = 365 * 86_400_000;

beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
  s = await staff(env);
});
afterAll(() => env.close());

async function submitReport(phone: string, attachment = false, people?: unknown[]): Promise<string> {
  const attachments: string[] = [];
  if (attachment) {
    const up = await env.app.inject({
      method: "POST",
      url: "/api/public/reports/attachments",
      headers: { "content-type": "image/jpeg" },
      payload: jpegWithExif(),
    });
    expect(up.statusCode).toBe(201);
    attachments.push(up.json().attachmentId);
  }
  const res = await anonymous(env.app).request("POST", "/api/public/reports", {
    submissionId: randomUUID(),
    category: "suspicious_offer",
    description: DESCRIPTION,
    location: { regionCode: "36.04.12.2001" },
    people: people ?? [{ name: "Pak Darto", role: "recruiter", phones: [RECRUITER_PHONE] }],
    anonymous: false,
    reporter: { name: REPORTER_NAME, phone, relation: "kakak korban" },
    consent: true,
    ...(attachments.length ? { attachments } : {}),
  });
  expect(res.statusCode).toBe(201);
  const [r] = await env.ctx.db
    .select({ id: publicReports.id })
    .from(publicReports)
    .where(eq(publicReports.trackingCode, res.json().trackingCode.replace("-", "")));
  return r!.id;
}

/** Time passes: the report or case was closed `years` ago (the job compares closing dates with its periods). */
async function closedYearsAgo(table: "public_reports" | "cases", id: string, years: number, status = "closed") {
  const at = new Date(Date.now() - years * YEAR_MS).toISOString();
  await env.ctx.db.execute(sql`UPDATE ${sql.identifier(table)} SET status = ${status}, closed_at = ${at} WHERE id = ${id}`);
}

async function hold(actor: Actor, caseId: string) {
  const res = await actor.http.request("PUT", `/api/cases/${caseId}/legal-hold`, {
    reason: "LP/B/123/XII/2026/Polda Banten: penyidikan TPPO",
  });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ held: true, reason: "LP/B/123/XII/2026/Polda Banten: penyidikan TPPO" });
}

/** Aggregate figures that must not move when personal fields are erased. */
async function statistics(coordinator: Client) {
  const caseStats = await coordinator.request("GET", "/api/cases/stats");
  expect(caseStats.statusCode).toBe(200);
  const reports = rowsOf(
    await env.ctx.db.execute(
      sql`SELECT status, category, kecamatan_code, count(*)::int AS n FROM public_reports GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ),
  );
  return { cases: caseStats.json(), reports };
}

/** Every audit record since `fromId`, as text: actions, resources and details. */
async function auditSince(fromId: number) {
  return env.ctx.db.select().from(auditLog).where(sql`${auditLog.id} > ${fromId}`).orderBy(auditLog.id);
}
const lastAuditId = async () =>
  rowsOf<{ id: number }>(await env.ctx.db.execute(sql`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`))[0]!.id;

/** No name, phone (in any spelling), NIK or narrative of the fixtures appears anywhere in these audit records. */
function expectNoPersonalData(rows: unknown[]) {
  const text = JSON.stringify(rows);
  for (const secret of [REPORTER_NAME, VICTIM.name, VICTIM.nik, "Pak Darto", DESCRIPTION, "LP/B/123"]) expect(text).not.toContain(secret);
  for (const phone of [REPORTER_PHONE, VICTIM.phones[0]!, RECRUITER_PHONE]) {
    const digits = phone.replace(/\D/g, "");
    expect(text).not.toContain(digits);
    expect(text).not.toContain(`62${digits.slice(1)}`);
  }
}

describe("retention job", () => {
  it("erases a report and a case past their period, keeps the statistical skeleton, and keeps records under a legal hold", async () => {
    const old = await submitReport(REPORTER_PHONE, true);
    const heldReport = await submitReport(REPORTER_PHONE);
    const recent = await submitReport(REPORTER_PHONE);
    const [att] = await env.ctx.db.select().from(reportAttachments).where(eq(reportAttachments.reportId, old));
    const store = new AttachmentStore(env.ctx.config.dataDir);
    expect(fs.existsSync(store.pathOf(att!.sha256))).toBe(true);
    // The file is as old as its report (a file written in the last minute is left to the orphan sweep).
    const sixYearsAgo = new Date(Date.now() - 6 * YEAR_MS);
    fs.utimesSync(store.pathOf(att!.sha256), sixYearsAgo, sixYearsAgo);

    const oldCase = await openCase(s.owner);
    const heldCase = await openCase(s.owner);
    await env.ctx.db.insert(caseReports).values({ tenant: env.ctx.config.regency, caseId: heldCase.id, reportId: heldReport });
    await hold(s.owner, heldCase.id);
    await closedYearsAgo("public_reports", old, 6);
    await closedYearsAgo("public_reports", heldReport, 6);
    await closedYearsAgo("public_reports", recent, 1);
    await closedYearsAgo("cases", oldCase.id, 11);
    await closedYearsAgo("cases", heldCase.id, 11);

    const before = await statistics(s.coordinator.http);
    const from = await lastAuditId();
    const counts = await runRetention(env.ctx, new Date());
    expect(counts.reports).toBe(1);
    expect(counts.cases).toBe(1);
    expect(counts.held).toBe(2);

    const rows = await env.ctx.db
      .select()
      .from(publicReports)
      .where(inArray(publicReports.id, [old, heldReport, recent]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const erased = byId.get(old)!;
    expect(erased).toMatchObject({
      reporterEnc: null,
      peopleEnc: null,
      descriptionEnc: null,
      searchTokens: [],
      status: "closed",
      category: "suspicious_offer",
    });
    expect(erased.kecamatanCode).toBe("36.04.12");
    expect(await env.ctx.db.select().from(reportIdentifiers).where(eq(reportIdentifiers.reportId, old))).toEqual([]);
    expect(await env.ctx.db.select().from(reportAttachments).where(eq(reportAttachments.reportId, old))).toEqual([]);
    expect(fs.existsSync(store.pathOf(att!.sha256))).toBe(false);
    expect(byId.get(heldReport)!.reporterEnc).not.toBeNull();
    expect(decrypt(env.ctx.keys, byId.get(heldReport)!.descriptionEnc!)).toBe(DESCRIPTION);
    expect(byId.get(heldReport)!.searchTokens.length).toBeGreaterThan(0);
    expect(byId.get(recent)!.reporterEnc).not.toBeNull();

    const [oldVictim] = await env.ctx.db.select().from(casePersons).where(eq(casePersons.id, oldCase.victimId));
    expect(oldVictim).toMatchObject({ nameEnc: null, nikEnc: null, phonesEnc: null, sex: "female", pmiStatus: "non_procedural" });
    expect(await env.ctx.db.select().from(casePersonIdentifiers).where(eq(casePersonIdentifiers.caseId, oldCase.id))).toEqual([]);
    const [heldVictim] = await env.ctx.db.select().from(casePersons).where(eq(casePersons.id, heldCase.victimId));
    expect(heldVictim!.nameEnc).not.toBeNull();
    const [oldCaseRow] = await env.ctx.db.select().from(cases).where(eq(cases.id, oldCase.id));
    expect(oldCaseRow).toMatchObject({ summaryEnc: null, status: "closed" });

    const marks = await env.ctx.db.select().from(retentionErasures).where(eq(retentionErasures.cause, "retention"));
    expect(marks.map((m) => m.recordId).sort()).toEqual([old, oldCase.id].sort());

    expect(await statistics(s.coordinator.http)).toEqual(before);

    const audit = await auditSince(from);
    const entry = audit.find((a) => a.action === "retention.erase");
    expect(entry?.details).toMatchObject({ reports: 1, cases: 1, held: 2, reportIds: [old], caseIds: [oldCase.id] });
    expectNoPersonalData(audit);

    // A second run finds nothing new (erased records are marked) and still keeps the held ones.
    expect(await runRetention(env.ctx, new Date())).toMatchObject({ reports: 0, cases: 0, held: 2 });
  });
});

describe("erasure on request", () => {
  const PHONE = "0896-1234-5678";

  it("previews, then erases a person's contact from reports and case persons, refusing the case under a legal hold", async () => {
    const report = await submitReport(PHONE);
    const free = await openCase(s.owner, { victim: { ...VICTIM, phones: [PHONE] } });
    const held = await openCase(s.owner, { victim: { ...VICTIM, phones: [PHONE] } });
    await hold(s.owner, held.id);
    const before = await statistics(s.coordinator.http);
    const from = await lastAuditId();

    const preview = await s.coordinator.http.request("POST", "/api/privacy/erasure/preview", { phone: "+62 896 1234 5678" });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      executed: false,
      requestId: null,
      counts: { reportContacts: 1, casePersons: 1, refused: 1 },
      refused: [{ kind: "case", reference: held.code, reason: "legal_hold" }],
    });
    // A dry run changes nothing.
    const [still] = await env.ctx.db.select().from(publicReports).where(eq(publicReports.id, report));
    expect(still!.reporterEnc).not.toBeNull();

    const missingReason = await s.coordinator.http.request("POST", "/api/privacy/erasure", { phone: PHONE });
    expect(missingReason.statusCode).toBe(400);
    const done = await s.coordinator.http.request("POST", "/api/privacy/erasure", {
      phone: PHONE,
      reason: "Permohonan tertulis 7/XII/2026 (Pasal 43 UU 27/2022)",
    });
    expect(done.statusCode).toBe(200);
    const result = done.json();
    expect(result).toMatchObject({ executed: true, counts: { reportContacts: 1, casePersons: 1, refused: 1 } });
    expect(result.refused).toEqual([{ kind: "case", reference: held.code, reason: "legal_hold" }]);

    const [r] = await env.ctx.db.select().from(publicReports).where(eq(publicReports.id, report));
    expect(r!.reporterEnc).toBeNull();
    expect(decrypt(env.ctx.keys, r!.descriptionEnc!)).toBe(DESCRIPTION); // only the person's own data goes; the report stays in handling
    const [freeVictim] = await env.ctx.db.select().from(casePersons).where(eq(casePersons.id, free.victimId));
    expect(freeVictim).toMatchObject({ nameEnc: null, phonesEnc: null, nikEnc: null, sex: "female" });
    const [heldVictim] = await env.ctx.db.select().from(casePersons).where(eq(casePersons.id, held.victimId));
    expect(heldVictim!.phonesEnc).not.toBeNull();

    // The case team's exact search now finds the person only in the held case.
    const found = await s.owner.http.request("GET", `/api/cases?phone=${encodeURIComponent(PHONE)}`);
    expect(found.json().items.map((c: { id: string }) => c.id)).toEqual([held.id]);

    expect(await statistics(s.coordinator.http)).toEqual(before);

    const audit = await auditSince(from);
    const actions = audit.map((a) => a.action);
    expect(actions).toContain("privacy.erasure_preview");
    expect(actions).toContain("privacy.erasure");
    expect(actions.filter((a) => a === "privacy.erase_record")).toHaveLength(2);
    const refusedEntry = audit.find((a) => a.action === "privacy.erase_refused");
    expect(refusedEntry?.details).toMatchObject({ requestId: result.requestId, reason: "legal_hold", caseCode: held.code });
    expect(audit.find((a) => a.action === "privacy.erasure")?.resourceId).toBe(result.requestId);
    expectNoPersonalData(audit);
    expect(JSON.stringify(audit)).not.toContain("Permohonan tertulis");

    // Asking again finds only what the hold keeps.
    const again = await s.coordinator.http.request("POST", "/api/privacy/erasure/preview", { phone: PHONE });
    expect(again.json().counts).toMatchObject({ reportContacts: 0, casePersons: 0, refused: 1 });
  });

  it("refuses everyone but a regency-wide coordinator, and asks for an identifier by field", async () => {
    for (const who of [s.owner, s.investigator, s.admin, s.auditor, s.coordinatorElsewhere]) {
      expect((await who.http.request("POST", "/api/privacy/erasure/preview", { phone: PHONE })).statusCode).toBe(403);
    }
    const none = await s.coordinator.http.request("POST", "/api/privacy/erasure/preview", {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty("phone");
    const badNik = await s.coordinator.http.request("POST", "/api/privacy/erasure/preview", { nik: "123" });
    expect(badNik.statusCode).toBe(400);
    expect(badNik.json().error.fields).toHaveProperty("nik");
  });

  it("finds case persons by NIK", async () => {
    const nik = "3604126001900002";
    const c = await openCase(s.owner, { victim: { ...VICTIM, nik, phones: [] } });
    const res = await s.coordinator.http.request("POST", "/api/privacy/erasure", { nik, reason: "Permohonan lisan dicatat 8/XII/2026" });
    expect(res.json().counts).toMatchObject({ casePersons: 1, refused: 0 });
    const [v] = await env.ctx.db.select().from(casePersons).where(eq(casePersons.id, c.victimId));
    expect(v!.nikEnc).toBeNull();
  });
});

describe("erasure on request, everywhere a phone is named", () => {
  const PHONE = "0838-4444-5555";

  it("removes the person from a report's people list, a screening, recruiter intelligence and the volunteers, and nothing else", async () => {
    const report = await submitReport(REPORTER_PHONE, false, [
      { name: "Bu Sari Wulandari", role: "recruiter", phones: [PHONE] },
      { name: "Pak Darto", role: "recruiter", phones: [RECRUITER_PHONE] },
    ]);
    const office = s.ppa.id;
    const officer = await sessionFor(env, await createUser(env.ctx, { roles: ["interview_officer"], agencyId: office }));
    const interview = await officer.request("POST", "/api/screenings", {
      interviewedAt: "2026-03-10T09:30:00+07:00",
      applicant: { name: "Siti Rohmah Applicant", phone: PHONE, sex: "female", ageBand: "21-25", desaCode: "36.04.12.2001" },
      purpose: "tourism",
      documents: [],
      redFlags: [],
      certainty: 4,
      decision: "issue",
      missing: [],
    });
    expect(interview.statusCode, interview.body).toBe(201);
    const volunteer = await s.coordinator.http.request("POST", "/api/volunteers", {
      name: "Relawan Sari Wulandari",
      phone: PHONE,
      desaCodes: ["36.04.12.2001"],
      consentAt: "2025-02-01",
      codeOfConductAt: "2025-02-01",
    });
    expect(volunteer.statusCode, volunteer.body).toBe(201);
    await new IntelSync(env.ctx).run();
    const phoneHash = identifierHash(env.ctx.keys, "phone", PHONE)!;
    const recruiterHash = identifierHash(env.ctx.keys, "phone", RECRUITER_PHONE)!;
    expect(await env.ctx.db.select().from(intelIdentifiers).where(eq(intelIdentifiers.hash, phoneHash))).toHaveLength(1);
    const from = await lastAuditId();

    const res = await s.coordinator.http.request("POST", "/api/privacy/erasure", { phone: PHONE, reason: "Permohonan 9/XII/2026" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts).toEqual({
      reportContacts: 0,
      reportPeople: 1,
      casePersons: 0,
      screenings: 1,
      intelIdentifiers: 1,
      volunteers: 1,
      refused: 0,
    });

    const [r] = await env.ctx.db.select().from(publicReports).where(eq(publicReports.id, report));
    expect(JSON.parse(decrypt(env.ctx.keys, r!.peopleEnc!)).map((x: { name: string }) => x.name)).toEqual(["Pak Darto"]);
    expect(r!.reporterEnc).not.toBeNull(); // the reporter is someone else
    const hashes = (await env.ctx.db.select().from(reportIdentifiers).where(eq(reportIdentifiers.reportId, report))).map((i) => i.hash);
    expect(hashes).toEqual([recruiterHash]);
    const [sc] = await env.ctx.db.select().from(screenings).where(eq(screenings.id, interview.json().id));
    expect(sc).toMatchObject({ phoneEnc: null, phoneHash: null, nikHash: null, sex: "female", purpose: "tourism" });
    expect(decrypt(env.ctx.keys, sc!.nameEnc)).toBe("");
    expect(await env.ctx.db.select().from(intelIdentifiers).where(eq(intelIdentifiers.hash, phoneHash))).toEqual([]);
    expect(await env.ctx.db.select().from(intelIdentifiers).where(eq(intelIdentifiers.hash, recruiterHash))).toHaveLength(1);
    const [v] = await env.ctx.db.select().from(volunteers).where(eq(volunteers.id, volunteer.json().id));
    expect(v).toMatchObject({ name: "", phoneEnc: null, active: false, desaCodes: ["36.04.12.2001"] });

    const audit = await auditSince(from);
    expect(
      audit
        .filter((a) => a.action === "privacy.erase_record")
        .map((a) => a.resourceType)
        .sort(),
    ).toEqual(["intel_identifier", "report", "screening", "volunteer"].sort());
    expectNoPersonalData(audit);
    const text = JSON.stringify(audit);
    for (const secret of ["Sari Wulandari", "Siti Rohmah", "84444", "838-4444"]) expect(text).not.toContain(secret);
  });
});

describe("legal hold", () => {
  it("is set by the case team or the area's coordinator, hidden from strangers, released and audited", async () => {
    const c = await openCase(s.owner);
    expect((await s.outsider.http.request("PUT", `/api/cases/${c.id}/legal-hold`, { reason: "x" })).statusCode).toBe(404);
    expect((await s.volunteer.http.request("GET", `/api/cases/${c.id}/legal-hold`)).statusCode).toBe(404);
    expect((await s.coordinatorElsewhere.http.request("PUT", `/api/cases/${c.id}/legal-hold`, { reason: "x" })).statusCode).toBe(404);
    expect((await s.owner.http.request("PUT", `/api/cases/${c.id}/legal-hold`, { reason: "" })).statusCode).toBe(400);
    await hold(s.coordinator, c.id);
    const seen = await s.owner.http.request("GET", `/api/cases/${c.id}/legal-hold`);
    expect(seen.json()).toMatchObject({ held: true, setBy: s.coordinator.user.displayName });
    // A closed case can still be held and released (that is when a hold matters).
    expect((await s.owner.http.request("POST", `/api/cases/${c.id}/close`, { reason: "services_completed" })).statusCode).toBe(200);
    const released = await s.owner.http.request("DELETE", `/api/cases/${c.id}/legal-hold`);
    expect(released.statusCode).toBe(200);
    expect(released.json().held).toBe(false);
    const actions = (await env.ctx.db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.resourceId} = ${c.id}`)).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["case.legal_hold.set", "case.legal_hold.read", "case.legal_hold.release"]));
  });
});
