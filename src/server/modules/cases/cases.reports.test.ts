// Linking public reports to cases (`POST /api/cases` with reportIds, `POST /api/cases/:id/reports`):
// only reports the caller may read, each to one case only; refusals reveal nothing about other reports.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestEnv } from "../../../../test/helpers/app";
import { rowsOf } from "../../db/client";
import { type ReportCaseStaff, reportCaseEnv, verifiedReport } from "../reports/reports.fixtures";
import { publicReports } from "../reports/reports.tables";

let env: TestEnv;
let s: ReportCaseStaff;
beforeAll(async () => {
  ({ env, s } = await reportCaseEnv());
});
afterAll(() => env.close());

/** A verified report in Tirtayasa (36.04.13), optionally forwarded to agency A. */
async function report(forward = false): Promise<string> {
  const body = {
    category: "person_in_danger_abroad",
    description: "Tetangga saya dibawa ke Batam untuk kerja di luar negeri.",
    location: { regionCode: "36.04.13.2001" },
    anonymous: true,
    consent: false,
  };
  return (await verifiedReport(env, s.coordinator.http, body, { forwardTo: forward ? s.agencyA.id : undefined })).id;
}

const newCase = (who: Client, reportIds: string[]) =>
  who.request("POST", "/api/cases", {
    origin: "public_report",
    summary: "Dugaan TPPO",
    ownerId: s.caseManager.user.id,
    regionCode: "36.04.12",
    ...(reportIds.length ? { reportIds } : {}),
  });
const countCases = async () => rowsOf<{ n: number }>(await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM cases`))[0]!.n;
const caseOf = async (reportId: string) =>
  (await env.ctx.db.select({ caseId: publicReports.caseId }).from(publicReports).where(eq(publicReports.id, reportId)))[0]!.caseId;

describe("linking reports to cases", () => {
  it("refuses reports the caller may not read exactly like unknown ones (400 per field), creating nothing", async () => {
    const tirtayasa = await report();
    const before = await countCases();
    // A coordinator of another kecamatan, and a case manager who handles no reports at all.
    for (const who of [s.pontangCoordinator.http, s.caseManager.http]) {
      const hidden = await newCase(who, [tirtayasa]);
      const unknown = await newCase(who, [randomUUID()]);
      expect(hidden.statusCode, hidden.body).toBe(400);
      expect(hidden.json().error.fields).toEqual({ "reportIds.0": "Isian tidak sah." });
      expect(unknown.json().error).toEqual(hidden.json().error);
    }
    // Only the bad entry is named, with its position.
    const readable = await report();
    const empty = await newCase(s.caseManager.http, []);
    expect(empty.statusCode).toBe(201); // a case without reports is fine
    const both = await newCase(s.coordinator.http, [readable, randomUUID()]);
    expect(both.statusCode).toBe(400);
    expect(Object.keys(both.json().error.fields)).toEqual(["reportIds.1"]);
    expect(await countCases()).toBe(before + 1);
    expect(await caseOf(tirtayasa)).toBeNull();
    expect(await caseOf(readable)).toBeNull();

    // Linking to an existing case follows the same rule.
    const caseId = empty.json().id;
    const link = await s.caseManager.http.request("POST", `/api/cases/${caseId}/reports`, { reportId: tirtayasa });
    expect(link.statusCode, link.body).toBe(400);
    expect(link.json().error.fields).toEqual({ reportId: "Isian tidak sah." });
    expect(await caseOf(tirtayasa)).toBeNull();
  });

  it("links reports the caller may read: the coordinator of the area and an operator of an agency it was forwarded to", async () => {
    const a = await report();
    const byCoordinator = await newCase(s.coordinator.http, [a]);
    expect(byCoordinator.statusCode, byCoordinator.body).toBe(201);
    expect(await caseOf(a)).toBe(byCoordinator.json().id);

    const b = await report(true);
    const byOperator = await newCase(s.dual.http, [b]);
    expect(byOperator.statusCode, byOperator.body).toBe(201);
    expect(byOperator.json().reportIds).toEqual([b]);
    expect(await caseOf(b)).toBe(byOperator.json().id);
  });

  it("refuses a report that is already another case's, on create and on link", async () => {
    const r = await report(true);
    const first = await newCase(s.dual.http, [r]); // dual joins the team as the creating case worker
    expect(first.statusCode).toBe(201);
    const before = await countCases();
    const second = await newCase(s.coordinator.http, [r]);
    expect(second.statusCode).toBe(400);
    expect(second.json().error.fields).toEqual({ "reportIds.0": "Laporan ini sudah terhubung dengan kasus lain." });
    expect(await countCases()).toBe(before);

    const other = (await newCase(s.dual.http, [])).json().id;
    const link = await s.dual.http.request("POST", `/api/cases/${other}/reports`, { reportId: r });
    expect(link.statusCode).toBe(400);
    expect(link.json().error.fields.reportId).toBe("Laporan ini sudah terhubung dengan kasus lain.");
    expect(await caseOf(r)).toBe(first.json().id);
    // The case it belongs to may link it again (nothing changes).
    expect((await s.dual.http.request("POST", `/api/cases/${first.json().id}/reports`, { reportId: r })).statusCode).toBe(204);
  });
});

describe("opening a case as a coordinator with a limited jurisdiction", () => {
  it("refuses a place outside the coordinator's kecamatan, or no place, per field, creating nothing", async () => {
    const before = await countCases();
    const open = (body: Record<string, unknown>) =>
      s.pontangCoordinator.http.request("POST", "/api/cases", {
        origin: "walk_in",
        summary: "Korban kembali dari Kamboja",
        ownerId: s.caseManager.user.id,
        ...body,
      });
    const elsewhere = await open({ regionCode: "36.04.13" });
    expect(elsewhere.statusCode, elsewhere.body).toBe(400);
    expect(elsewhere.json().error.fields.regionCode).toMatch(/di luar wilayah kerja/);
    const victimElsewhere = await open({ victim: { sex: "female", desaCode: "36.04.13.2001" } });
    expect(victimElsewhere.statusCode, victimElsewhere.body).toBe(400);
    expect(Object.keys(victimElsewhere.json().error.fields)).toEqual(["victim.desaCode"]);
    expect((await open({})).json().error.fields.regionCode).toBeDefined();
    expect(await countCases()).toBe(before);
    // Inside the kecamatan it works, and the coordinator then oversees the case.
    const inside = await open({ regionCode: "36.04.12" });
    expect(inside.statusCode, inside.body).toBe(201);
    expect((await s.pontangCoordinator.http.request("GET", `/api/cases/${inside.json().id}`)).statusCode).toBe(200);
  });
});
