// Per-record abilities on case and referral responses, the rules behind them as users meet them (legal
// milestones by an investigator on a whole-case referral, the consent override for an investigator on the
// team), the referral notice to the receiving agency, and the overdue counts in the case list and its XLSX.
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "../../../../test/helpers/app";
import { escalateCaseDeadlines } from "./cases.oversight";
import { users } from "../../db/schema";
import { notifications } from "../notifications/notifications.tables";
import { type Actor, openCase, shareConsent, type Staff, staff, VICTIM } from "./cases.fixtures";

let env: TestEnv;
let s: Staff;

beforeAll(async () => {
  env = await createTestEnv({ smtpUrl: "smtp://127.0.0.1:2525" });
  s = await staff(env);
});
afterAll(() => env.close());

const detail = async (a: Actor, id: string) => {
  const res = await a.http.request("GET", `/api/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** Consent for `agencyId` (checked), then a whole-case referral sent by `owner`: the send's response. */
async function referCase(owner: Actor, caseId: string, agencyId: string) {
  expect((await shareConsent(owner, caseId, agencyId)).statusCode).toBe(201);
  return owner.http.request("POST", `/api/cases/${caseId}/referrals`, {
    scope: "case",
    toAgencyId: agencyId,
    reason: "AdditionalServicesRequired",
  });
}

/** Consent for `agencyId`, then a whole-case referral accepted by `receiver`. */
async function referAccepted(owner: Actor, caseId: string, agencyId: string, receiver: Actor) {
  const ref = await referCase(owner, caseId, agencyId);
  expect(ref.statusCode, ref.body).toBe(201);
  const acc = await receiver.http.request("POST", `/api/referrals/${ref.json().id}/accept`, {});
  expect(acc.statusCode, acc.body).toBe(200);
  return ref.json().id as string;
}

describe("case abilities in the detail response", () => {
  it("offer each user exactly what the server then accepts", async () => {
    const k = await openCase(s.owner);
    expect((await s.owner.http.request("POST", `/api/cases/${k.id}/members`, { userId: s.member.user.id })).statusCode).toBe(200);
    const owner = (await detail(s.owner, k.id)).abilities;
    const member = (await detail(s.member, k.id)).abilities;
    const coordinator = (await detail(s.coordinator, k.id)).abilities;
    expect(owner).toMatchObject({
      edit: true,
      addService: true,
      refer: true,
      overrideConsent: true,
      manageTeam: true,
      close: true,
      reopen: false,
      documents: true,
    });
    expect(member).toMatchObject({ edit: true, addService: true, refer: true, overrideConsent: false, manageTeam: false, close: false });
    expect(
      Object.entries(coordinator)
        .filter(([, v]) => v)
        .map(([k]) => k),
    ).toEqual(["export", "legalHold"]); // the area's coordinator may put the case under legal hold (retention.test.ts)

    // The server agrees with what it offered.
    expect((await s.member.http.request("POST", `/api/cases/${k.id}/close`, { reason: "other" })).statusCode).toBe(403);
    expect((await s.coordinator.http.request("POST", `/api/cases/${k.id}/notes`, { body: "x" })).statusCode).toBe(403);

    const closed = await s.owner.http.request("POST", `/api/cases/${k.id}/close`, { reason: "other" });
    expect(closed.json().abilities).toMatchObject({
      edit: false,
      addService: false,
      close: false,
      reopen: true,
      withdrawConsent: true,
      removeMember: true,
      refer: false,
    });
  });

  it("an investigator on the team may send without consent (override), as the policy says", async () => {
    const k = await openCase(s.owner);
    expect((await s.owner.http.request("POST", `/api/cases/${k.id}/members`, { userId: s.investigator.user.id })).statusCode).toBe(200);
    expect((await detail(s.investigator, k.id)).abilities.overrideConsent).toBe(true);
    const sent = await s.investigator.http.request("POST", `/api/cases/${k.id}/referrals`, {
      scope: "case",
      toAgencyId: s.dinkes.id,
      reason: "AdditionalServicesRequired",
      overrideReason: "Penyidikan TPPO membutuhkan pemeriksaan kesehatan segera.",
    });
    expect(sent.statusCode, sent.body).toBe(201);
  });

  it("an investigator on an accepted whole-case referral records legal milestones; a case manager on one does not", async () => {
    const k = await openCase(s.owner);
    await referAccepted(s.owner, k.id, s.polres.id, s.investigator);
    await referAccepted(s.owner, k.id, s.dinkes.id, s.dinkesWorker);
    expect((await detail(s.investigator, k.id)).abilities).toMatchObject({ recordLegal: true, edit: false, refer: false, documents: true });
    expect((await detail(s.dinkesWorker, k.id)).abilities.recordLegal).toBe(false);
    const milestone = { stage: "police_report", date: "2026-03-02", articles: ["2"], reference: "LP/B/123/III/2026" };
    const ok = await s.investigator.http.request("POST", `/api/cases/${k.id}/legal`, milestone);
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await s.dinkesWorker.http.request("POST", `/api/cases/${k.id}/legal`, milestone)).statusCode).toBe(403);
    expect((await detail(s.owner, k.id)).legal.map((l: { reference: string }) => l.reference)).toEqual(["LP/B/123/III/2026"]);
  });
});

describe("referral abilities", () => {
  it("the receiver is offered accept and reject, the sender revoke; each is refused to the other side", async () => {
    const k = await openCase(s.owner);
    const sent = await referCase(s.owner, k.id, s.dinkes.id);
    expect(sent.json().abilities).toEqual({ accept: false, reject: false, complete: false, revoke: true });
    const incoming = (await s.dinkesWorker.http.request("GET", "/api/referrals?box=incoming")).json().items;
    const mine = incoming.find((r: { id: string }) => r.id === sent.json().id);
    expect(mine.abilities).toEqual({ accept: true, reject: true, complete: false, revoke: false });
    expect((await s.owner.http.request("POST", `/api/referrals/${mine.id}/accept`, {})).statusCode).toBe(403);
    expect((await s.dinkesWorker.http.request("POST", `/api/referrals/${mine.id}/revoke`, { reason: "bukan kami" })).statusCode).toBe(403);
    // Someone on neither side does not learn the referral exists.
    expect((await s.outsider.http.request("POST", `/api/referrals/${mine.id}/complete`, {})).statusCode).toBe(404);
    const accepted = await s.dinkesWorker.http.request("POST", `/api/referrals/${mine.id}/accept`, {});
    expect(accepted.json().abilities).toEqual({ accept: false, reject: false, complete: true, revoke: false });
    const inCase = (await detail(s.owner, k.id)).referrals.find((r: { id: string }) => r.id === mine.id);
    expect(inCase.abilities).toEqual({ accept: false, reject: false, complete: true, revoke: true });
  });

  it("a sent referral notifies the receiving agency's case workers, in-app and by e-mail, without victim data", async () => {
    await env.ctx.db
      .update(users)
      .set({ email: sql`'u' || ${users.id} || '@dinkes.test'` })
      .where(eq(users.agencyId, s.dinkes.id));
    const k = await openCase(s.owner);
    const sent = await referCase(s.owner, k.id, s.dinkes.id);
    const rows = await env.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "case.referral_received"), eq(notifications.resourceId, sent.json().id)));
    expect(rows.map((r) => r.userId).sort()).toEqual([s.dinkesWorker.user.id, s.dinkesWorker2.user.id].sort());
    for (const r of rows) {
      expect(r.resourceType).toBe("referral");
      expect(r.title).toContain(k.code);
      expect(r.title).toContain("Dinas Kesehatan");
      expect(r.emailStatus).toBe("pending");
      expect(`${r.title} ${r.body}`).not.toContain(VICTIM.name);
    }
    const inbox = await s.dinkesWorker.http.request("GET", "/api/notifications");
    expect(inbox.json().items.some((n: { resourceId: string }) => n.resourceId === sent.json().id)).toBe(true);
  });
});

describe("overdue services", () => {
  it("count in the list and the XLSX as in /api/cases/overdue; the XLSX speaks the console's words in WIB", async () => {
    const k = await openCase(s.owner, { regionCode: VICTIM.desaCode });
    expect(
      (await s.owner.http.request("POST", `/api/cases/${k.id}/services`, { type: "legal_aid", dueDate: "2024-01-02" })).statusCode,
    ).toBe(201);
    expect((await s.owner.http.request("POST", `/api/cases/${k.id}/services`, { type: "shelter" })).statusCode).toBe(201);
    const overdue = (await s.owner.http.request("GET", "/api/cases/overdue"))
      .json()
      .items.filter((i: { caseId: string }) => i.caseId === k.id);
    expect(overdue).toHaveLength(1);
    const row = (await s.owner.http.request("GET", "/api/cases")).json().items.find((c: { id: string }) => c.id === k.id);
    expect(row.overdueServices).toBe(1);
    const onlyOverdue = (await s.owner.http.request("GET", "/api/cases?overdue=true")).json().items.map((c: { id: string }) => c.id);
    expect(onlyOverdue).toContain(k.id);

    // An unanswered referral past its deadline counts too.
    const ref = await referCase(s.owner, k.id, s.dinkes.id);
    await env.ctx.db.execute(sql`UPDATE case_referrals SET respond_due_at = now() - interval '1 day' WHERE id = ${ref.json().id}`);
    const again = (await s.owner.http.request("GET", "/api/cases")).json().items.find((c: { id: string }) => c.id === k.id);
    expect([again.overdueReferrals, again.overdueServices]).toEqual([1, 1]);

    const sheet = async (lang?: string) => {
      const res = await s.owner.http.request("GET", "/api/cases/export.xlsx", undefined, lang ? { "accept-language": lang } : {});
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const ws = wb.worksheets[0]!;
      const rows: string[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
      return { name: ws.name, header: rows[0]!, row: rows.find((r) => r[0] === k.code)! };
    };
    const id = await sheet();
    expect(id.name).toBe("Daftar Kasus");
    const col = (h: string) => id.header.indexOf(h);
    expect(id.row[col("Layanan terlambat")]).toBe("1");
    expect(id.row[col("Rujukan terlambat")]).toBe("1");
    expect(id.row[col("Wilayah")]).not.toBe(VICTIM.desaCode); // the desa's name, not its code
    expect(id.row[col("Wilayah")]).toMatch(/^[A-Z][a-z]/);
    expect(id.row[col("Prioritas")]).toBe("Tinggi");
    expect(id.row[col("Status korban TPPO")]).toBe("Calon korban"); // the console's word
    expect(id.row[col("Dibuka")]).toMatch(/WIB$/);
    // The time shown is the Jakarta time: 7 hours after UTC.
    const created = (await detail(s.owner, k.id)).createdAt as string;
    const jakartaHour = String((new Date(created).getUTCHours() + 7) % 24).padStart(2, "0");
    expect(id.row[col("Dibuka")]).toContain(`${jakartaHour}.`);

    const en = await sheet("en");
    expect(en.name).toBe("Cases");
    expect(en.header).toContain("Overdue services");
    expect(en.row[en.header.indexOf("Priority")]).toBe("High");
  });

  it("escalation notices name the service as the console does and lead to the case", async () => {
    const k = await openCase(s.owner);
    expect(
      (await s.owner.http.request("POST", `/api/cases/${k.id}/services`, { type: "legal_aid", dueDate: "2024-01-02" })).statusCode,
    ).toBe(201);
    await escalateCaseDeadlines(env.ctx, new Date());
    const [n] = await env.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "case.overdue"), eq(notifications.resourceId, k.id), eq(notifications.userId, s.owner.user.id)));
    expect(n?.resourceType).toBe("case");
    expect(n?.body).toContain("Bantuan hukum");
    expect(n?.body).not.toContain("legal_aid");
  });
});
