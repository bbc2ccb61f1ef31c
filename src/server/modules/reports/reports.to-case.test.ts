// "Jadikan kasus": a verified report becomes a case in one step, and people who may not see that
// case learn nothing about it through the report.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type TestEnv } from "../../../../test/helpers/app";
import { rowsOf } from "../../db/client";
import { auditLog } from "../../db/schema";
import { casePersons, cases } from "../cases/cases.tables";
import { type ReportCaseStaff, reportCaseEnv, verifiedReport } from "./reports.fixtures";
import { publicReports } from "./reports.tables";

let env: TestEnv;
let s: ReportCaseStaff;
beforeAll(async () => {
  ({ env, s } = await reportCaseEnv());
});
afterAll(() => env.close());

const DESCRIPTION = "Anak saya dibawa ke Batam untuk kerja di Malaysia dan tidak bisa dihubungi.";

const reportAt = (opts: { verify?: boolean; forwardTo?: string; shareContact?: boolean } = {}) =>
  verifiedReport(
    env,
    s.coordinator.http,
    {
      category: "person_in_danger_abroad",
      description: DESCRIPTION,
      location: { regionCode: "36.04.13.2001" },
      people: [{ name: "Pak Joko", role: "recruiter", phones: ["0813-9999-0000"] }],
      anonymous: false,
      reporter: { name: "Ibu Rohmah", phone: "0812 1111 2222", email: "rohmah@example.test", relation: "ibu korban" },
      consent: true,
    },
    opts,
  );

const countCases = async () => rowsOf<{ n: number }>(await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM cases`))[0]!.n;
const caseIdOf = async (reportId: string) =>
  (await env.ctx.db.select({ caseId: publicReports.caseId }).from(publicReports).where(eq(publicReports.id, reportId)))[0]!.caseId;

describe("convert a report to a case", () => {
  it("creates a linked case from a verified report, without the reporter's contact, audited", async () => {
    const unverified = await reportAt({ verify: false });
    const early = await s.coordinator.http.request("POST", `/api/reports/${unverified.id}/case`, { ownerId: s.caseManager.user.id });
    expect(early.statusCode).toBe(409);

    const r = await reportAt({ forwardTo: s.agencyA.id });
    const before = await countCases();
    // Bad input: 400 per field, nothing stored.
    const noOwner = await s.coordinator.http.request("POST", `/api/reports/${r.id}/case`, {});
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().error.fields.ownerId).toBeDefined();
    const notWorker = await s.coordinator.http.request("POST", `/api/reports/${r.id}/case`, { ownerId: s.volunteer.user.id });
    expect(notWorker.json().error.fields.ownerId).toBeDefined();
    const badPriority = await s.coordinator.http.request(
      "POST",
      `/api/reports/${r.id}/case`,
      { ownerId: s.caseManager.user.id, priority: "someday" },
      { "accept-language": "en" },
    );
    expect(badPriority.statusCode).toBe(400);
    expect(typeof badPriority.json().error.fields.priority).toBe("string");
    expect(await countCases()).toBe(before);
    expect(await caseIdOf(r.id)).toBeNull();

    const res = await s.coordinator.http.request("POST", `/api/reports/${r.id}/case`, { ownerId: s.caseManager.user.id, priority: "high" });
    expect(res.statusCode).toBe(201);
    const detail = res.json();
    expect(detail.caseId).toBeTruthy();
    expect(detail.abilities.toCase).toBe(false);
    expect(detail.timeline.map((e: any) => e.kind)).toContain("case_created");
    expect(await caseIdOf(r.id)).toBe(detail.caseId);

    // The owner sees the case: origin public report, the report linked, summary and place from the report.
    const c = (await s.caseManager.http.request("GET", `/api/cases/${detail.caseId}`)).json();
    expect(c).toMatchObject({
      origin: "public_report",
      priority: "high",
      regionCode: "36.04.13.2001",
      summary: DESCRIPTION,
      reportIds: [r.id],
      access: "team",
    });
    // Neither the reporter nor the people named in the tip were copied.
    expect(c.persons).toEqual([]);
    expect(JSON.stringify(c)).not.toContain("Rohmah");

    // Audited: the report step and the case creation, ids only.
    const audit = await env.ctx.db.select().from(auditLog).where(sql`${auditLog.resourceId} IN (${r.id}, ${detail.caseId})`);
    expect(audit.some((a) => a.action === "report.to_case" && a.resourceId === r.id)).toBe(true);
    const created = audit.find((a) => a.action === "case.create" && a.resourceId === detail.caseId);
    expect(created?.details).toMatchObject({ origin: "public_report", reportId: r.id, reporterContact: false });
    expect(JSON.stringify(audit)).not.toContain("Rohmah");

    // Only once.
    expect((await s.coordinator.http.request("POST", `/api/reports/${r.id}/case`, { ownerId: s.caseManager.user.id })).statusCode).toBe(
      409,
    );
    expect(await countCases()).toBe(before + 1);
  });

  it("copies the reporter's name and phone only when asked, by someone who may see them", async () => {
    const hidden = await reportAt({ forwardTo: s.agencyA.id, shareContact: false });
    // The dual-role operator may open cases but was not given the reporter's contact: 403, nothing created.
    const before = await countCases();
    const refused = await s.dual.http.request("POST", `/api/reports/${hidden.id}/case`, { includeReporterContact: true });
    expect(refused.statusCode).toBe(403);
    expect(await countCases()).toBe(before);
    expect(await caseIdOf(hidden.id)).toBeNull();

    const r = await reportAt();
    const res = await s.coordinator.http.request("POST", `/api/reports/${r.id}/case`, {
      ownerId: s.caseManager.user.id,
      includeReporterContact: true,
    });
    expect(res.statusCode).toBe(201);
    const c = (await s.caseManager.http.request("GET", `/api/cases/${res.json().caseId}`)).json();
    expect(c.persons).toHaveLength(1);
    expect(c.persons[0]).toMatchObject({
      kind: "family",
      name: "Ibu Rohmah",
      phones: ["0812 1111 2222"],
      relationship: "Pelapor: ibu korban",
    });
    expect(JSON.stringify(c)).not.toContain("rohmah@example.test");
    // Stored encrypted.
    const [row] = await env.ctx.db.select().from(casePersons).where(eq(casePersons.caseId, res.json().caseId));
    expect(JSON.stringify(row)).not.toContain("Rohmah");
  });

  it("lets an agency operator who is also a case manager open the case as its owner", async () => {
    const r = await reportAt({ forwardTo: s.agencyA.id });
    const view = (await s.dual.http.request("GET", `/api/reports/${r.id}`)).json();
    expect(view.abilities.toCase).toBe(true);
    const res = await s.dual.http.request("POST", `/api/reports/${r.id}/case`, {});
    expect(res.statusCode).toBe(201);
    const [c] = await env.ctx.db.select().from(cases).where(eq(cases.id, res.json().caseId));
    expect(c!.ownerId).toBe(s.dual.user.id);
    expect(res.json().caseId).toBe(c!.id);
  });

  it("tells nothing about the case to those who may not see it", async () => {
    const r = await reportAt({ forwardTo: s.agencyA.id });
    // Roles that cannot both read reports and open cases are refused at the route; out of scope is 404.
    expect((await s.operator.http.request("POST", `/api/reports/${r.id}/case`, {})).statusCode).toBe(403);
    expect((await s.caseManager.http.request("POST", `/api/reports/${r.id}/case`, {})).statusCode).toBe(403);
    expect(
      (await s.pontangCoordinator.http.request("POST", `/api/reports/${r.id}/case`, { ownerId: s.caseManager.user.id })).statusCode,
    ).toBe(404);
    expect(
      (await s.coordinator.http.request("POST", `/api/reports/${randomUUID()}/case`, { ownerId: s.caseManager.user.id })).statusCode,
    ).toBe(404);
    const operatorView = (await s.operator.http.request("GET", `/api/reports/${r.id}`)).json();
    expect(operatorView.abilities.toCase).toBe(false);

    const caseId = (await s.coordinator.http.request("POST", `/api/reports/${r.id}/case`, { ownerId: s.caseManager.user.id })).json()
      .caseId;
    expect(caseId).toBeTruthy();
    // The agency operator still handles the report but sees no case id, no case event, and the case answers 404.
    const after = (await s.operator.http.request("GET", `/api/reports/${r.id}`)).json();
    expect(after.caseId).toBeNull();
    expect(after.timeline.map((e: any) => e.kind)).not.toContain("case_created");
    expect(JSON.stringify(after)).not.toContain(caseId);
    expect((await s.operator.http.request("GET", `/api/cases/${caseId}`)).statusCode).toBe(404);
    // The public status page shows nothing of it either.
    const pub = (
      await anonymous(env.app).request("POST", "/api/public/reports/lookup", { trackingCode: r.trackingCode, pin: r.pin })
    ).json();
    expect(pub.timeline.map((e: any) => e.kind)).not.toContain("case_created");

    // The area coordinator sees the link while the case lies in their area, and loses it when the team moves the case.
    expect((await s.tirtayasaCoordinator.http.request("GET", `/api/reports/${r.id}`)).json().caseId).toBe(caseId);
    expect((await s.caseManager.http.request("PATCH", `/api/cases/${caseId}`, { regionCode: "36.04.12.2001" })).statusCode).toBe(200);
    const moved = (await s.tirtayasaCoordinator.http.request("GET", `/api/reports/${r.id}`)).json();
    expect(moved.caseId).toBeNull();
    expect(moved.timeline.map((e: any) => e.kind)).not.toContain("case_created");
    expect((await s.tirtayasaCoordinator.http.request("GET", `/api/cases/${caseId}`)).statusCode).toBe(404);
    const [linked] = await env.ctx.db
      .select({ caseId: publicReports.caseId })
      .from(publicReports)
      .where(and(eq(publicReports.id, r.id)));
    expect(linked!.caseId).toBe(caseId);
  });
});
