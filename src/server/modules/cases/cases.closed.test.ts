// A closed case refuses changes through the API (not only in the console), except reopening, a referral
// recipient reporting on its services, withdrawing or refusing consent, and taking someone off the team.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "../../../../test/helpers/app";
import { rowsOf } from "../../db/client";
import { auditLog } from "../../db/schema";
import { tinyPdf } from "../../lib/uploads/attachments.fixtures";
import { openCase, type Staff, staffEnv } from "./cases.fixtures";
import { caseServices } from "./cases.tables";

let env: TestEnv;
let s: Staff;
beforeAll(async () => {
  ({ env, s } = await staffEnv());
});
afterAll(() => env.close());

/** Every row of every case table (not the audit log), as text. */
async function dumpCaseTables(): Promise<string> {
  const tables = rowsOf<{ table_name: string }>(
    await env.ctx.db.execute(
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'case%' ORDER BY table_name`,
    ),
  ).map((r) => r.table_name);
  let out = "";
  for (const t of tables)
    out += `${t}:${rowsOf<{ t: string | null }>(await env.ctx.db.execute(sql`SELECT string_agg(x::text, '|' ORDER BY x::text) AS t FROM ${sql.identifier(t)} x`))[0]?.t ?? ""}\n`;
  return out;
}

describe("closed cases", () => {
  it("refuses every change by the team and recipients with 409 case_closed, changing nothing; allows what must stay possible; reopening allows edits again", async () => {
    const c = await openCase(s.owner);
    const url = `/api/cases/${c.id}`;
    const o = s.owner.http;
    expect((await o.request("POST", `${url}/members`, { userId: s.member.user.id })).statusCode).toBe(200);
    const consent = (agencyId: string) =>
      o.request("POST", `${url}/consents`, { purpose: "share_with_agency", agencyId, given: true, method: "written" });
    expect((await consent(s.dinkes.id)).statusCode).toBe(201);
    const polresConsent = (await consent(s.polres.id)).json().id as string;
    const serviceId = (
      await o.request("POST", `${url}/services`, { type: "health", providerAgencyId: s.dinkes.id, dueDate: "2030-01-01" })
    ).json().id as string;
    const ref = await o.request("POST", `${url}/referrals`, {
      scope: "service",
      serviceId,
      toAgencyId: s.dinkes.id,
      assignedUserId: s.dinkesWorker.user.id,
      reason: "AdditionalServicesRequired",
    });
    expect(ref.statusCode, ref.body).toBe(201);
    expect((await s.dinkesWorker.http.request("POST", `/api/referrals/${ref.json().id}/accept`, {})).statusCode).toBe(200);

    const closed = await o.request("POST", `${url}/close`, { reason: "services_completed" });
    expect(closed.statusCode, closed.body).toBe(200);
    const before = await dumpCaseTables();
    const auditsBefore = (await env.ctx.db.select().from(auditLog).where(eq(auditLog.resourceId, c.id))).length;

    const refused: [typeof o, string, string, unknown][] = [
      [o, "PATCH", url, { priority: "low" }],
      [o, "POST", `${url}/persons`, { kind: "family", name: "Ibu korban", relationship: "Ibu" }],
      [o, "PATCH", `${url}/persons/${c.victimId}`, { phones: ["0813-0000-1111"] }],
      [o, "POST", `${url}/events`, { stage: "Exploitation", country: "KH" }],
      [o, "POST", `${url}/assessments`, { risk: "high" }],
      [o, "POST", `${url}/services`, { type: "shelter" }],
      [o, "PATCH", `${url}/services/${serviceId}`, { status: "delivered" }], // the team reopens to edit
      [o, "POST", `${url}/legal`, { stage: "police_report", date: "2026-01-05" }],
      [o, "POST", `${url}/notes`, { body: "Catatan setelah ditutup" }],
      [o, "POST", `${url}/consents`, { purpose: "share_with_agency", agencyId: s.polres.id, given: true, method: "verbal" }],
      [o, "POST", `${url}/referrals`, { scope: "case", toAgencyId: s.polres.id, assignedUserId: s.investigator.user.id, reason: "Other" }],
      [o, "POST", `${url}/members`, { userId: s.investigator.user.id }],
      [o, "POST", `${url}/owner`, { userId: s.member.user.id }],
      [o, "POST", `${url}/reports`, { reportId: randomUUID() }],
      [s.member.http, "POST", `${url}/notes`, { body: "Catatan anggota" }],
      [s.dinkesWorker.http, "POST", `${url}/notes`, { body: "Catatan penerima rujukan" }],
    ];
    for (const [who, method, path, body] of refused) {
      const res = await who.request(method, path, body);
      expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(409);
      expect(res.json().error).toMatchObject({
        code: "case_closed",
        message: "Kasus ini sudah ditutup. Buka kembali kasus untuk mengubahnya.",
      });
    }
    const doc = await o.request("POST", `${url}/documents?name=surat.pdf`, tinyPdf(), { "content-type": "application/pdf" });
    expect(doc.statusCode).toBe(409);
    expect(doc.json().error.code).toBe("case_closed");
    expect(await dumpCaseTables()).toBe(before);
    expect((await env.ctx.db.select().from(auditLog).where(eq(auditLog.resourceId, c.id))).length).toBe(auditsBefore);

    // Still possible: the referral recipient reports progress on its service (not its planning) ...
    expect((await s.dinkesWorker.http.request("PATCH", `${url}/services/${serviceId}`, { dueDate: "2031-01-01" })).statusCode).toBe(403);
    const progress = await s.dinkesWorker.http.request("PATCH", `${url}/services/${serviceId}`, {
      status: "delivered",
      notes: "Pemeriksaan selesai",
    });
    expect(progress.statusCode, progress.body).toBe(200);
    const [svc] = await env.ctx.db.select().from(caseServices).where(eq(caseServices.id, serviceId));
    expect(svc!.status).toBe("delivered");
    // ... the victim withdraws or refuses consent, someone leaves the team.
    expect((await o.request("POST", `${url}/consents/${polresConsent}/withdraw`)).statusCode).toBe(200);
    expect(
      (await o.request("POST", `${url}/consents`, { purpose: "share_with_agency", agencyId: s.dinkes.id, given: false, method: "verbal" }))
        .statusCode,
    ).toBe(201);
    expect((await o.request("DELETE", `${url}/members/${s.member.user.id}`)).statusCode).toBe(200);
    expect((await s.member.http.request("GET", url)).statusCode).toBe(404);
    const allowed = await env.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.resourceId, c.id),
          sql`${auditLog.action} IN ('case.service_update', 'case.consent_withdraw', 'case.consent_record', 'case.member_remove')`,
        ),
      );
    expect(allowed.map((a) => a.action).sort()).toEqual([
      "case.consent_record",
      "case.consent_record",
      "case.consent_record",
      "case.consent_withdraw",
      "case.member_remove",
      "case.service_update",
    ]);

    // Reopening is the way back to editing.
    expect((await o.request("POST", `${url}/reopen`, { reason: "Korban dihubungi lagi oleh perekrut" })).statusCode).toBe(200);
    expect((await o.request("PATCH", `${url}/persons/${c.victimId}`, { phones: ["0813-0000-1111"] })).statusCode).toBe(200);
    expect((await o.request("POST", `${url}/notes`, { body: "Catatan setelah dibuka kembali" })).statusCode).toBe(201);
  });
});
