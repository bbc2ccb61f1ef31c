// Validates exports against the HTCDS 2.0 field list in ../shared/standards (read at test time).
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestEnv } from "../../../../test/helpers/app";
import { auditLog } from "../../db/schema";
import { parseCsv } from "../../lib/csv";
import { openCase, type Staff, staffEnv, VICTIM } from "./cases.fixtures";

const TSV = path.resolve(process.cwd(), "../shared/standards/htcds-2.0-fields.tsv");
const haveStandard = fs.existsSync(TSV);

type Field = { type: string; values: Set<string> | null };
function loadStandard(): Map<string, Field> {
  const lines = fs.readFileSync(TSV, "utf8").split(/\r?\n/);
  const header = lines[0]!.split("\t");
  const col = (name: string) => header.indexOf(name);
  const [iName, iType, iValues] = [col("Field Name including Prefix"), col("Field Type"), col("Value Names (if picklist)")];
  const out = new Map<string, Field>();
  for (const line of lines.slice(1)) {
    const c = line.split("\t");
    const name = c[iName]?.trim();
    if (!name || name === "N/A") continue;
    const type = c[iType]?.trim() ?? "";
    const raw = c[iValues]?.trim() ?? "";
    // Picklists whose values are listed ("A / B / C"); ISO-code picklists say "Use ISO ..." and are checked by shape.
    const values =
      /Picklist/.test(type) && raw && !raw.startsWith("Use ISO")
        ? new Set(
            raw
              .split("/")
              .map((v) => v.trim())
              .filter(Boolean),
          )
        : null;
    out.set(name, { type, values });
  }
  return out;
}

let env: TestEnv;
let s: Staff;
let caseId: string;
beforeAll(async () => {
  ({ env, s } = await staffEnv());
  const c = await openCase(s.owner);
  caseId = c.id;
  const h = s.owner.http;
  const ok = async (url: string, body: unknown) => {
    const res = await h.request("POST", url, body);
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
  };
  await ok(`/api/cases/${caseId}/persons`, {
    kind: "perpetrator",
    name: "Bang Jago",
    phones: ["0813-0000-1111"],
    perpetratorRoles: ["RecruiterOrIntermediary", "Transporter"],
    aliases: ["Jago"],
    companies: ["PT Maju Jaya"],
  });
  await ok(`/api/cases/${caseId}/events`, {
    stage: "Recruitment",
    country: "ID",
    city: "Serang",
    dateFrom: "2026-03-01",
    recruitmentMethods: ["ThroughOnlineSocialNetworks"],
    recruitmentApps: ["Facebook", "WhatsApp"],
    description: "Direkrut lewat grup Facebook lowongan kerja",
  });
  await ok(`/api/cases/${caseId}/events`, {
    stage: "Exploitation",
    country: "KH",
    city: "Sihanoukville",
    dateFrom: "2026-04-10",
    controlMethods: ["WithholdsDocuments", "DebtBondage"],
    exploitationTypes: ["ForcedLabour"],
    forcedLabourIndustry: "J_InformationAndCommunication",
  });
  await ok(`/api/cases/${caseId}/services`, { type: "repatriation", providerAgencyId: s.ppa.id, dueDate: "2026-12-01" });
  await ok(`/api/cases/${caseId}/legal`, { stage: "police_report", date: "2026-11-02", articles: ["4", "10"] });
  await ok(`/api/cases/${caseId}/notes`, { body: "Korban stabil." });
  await ok(`/api/cases/${caseId}/consents`, { purpose: "share_with_agency", agencyId: s.dinkes.id, given: true, method: "written" });
  await ok(`/api/cases/${caseId}/referrals`, {
    scope: "case",
    toAgencyId: s.dinkes.id,
    reason: "AdditionalServicesRequired",
    details: "Butuh pemeriksaan",
  });
  const upd = await h.request("PATCH", `/api/cases/${caseId}`, { traffickingStatus: "confirmed", traffickingStatusOrg: "Police" });
  expect(upd.statusCode).toBe(200);
});
afterAll(() => env.close());

function checkRecord(std: Map<string, Field>, rec: Record<string, unknown>, where: string) {
  for (const [key, value] of Object.entries(rec)) {
    if (key === "extensions") {
      for (const k of Object.keys(value as object)) expect(k, `${where}.extensions`).toMatch(/^idn_/);
      continue;
    }
    const field = std.get(key);
    expect(field, `${where}: ${key} is not an HTCDS field`).toBeDefined();
    if (field?.values) for (const v of [value].flat()) expect(field.values.has(String(v)), `${where}: ${key} = ${v}`).toBe(true);
    if (/Citizenship|Country/.test(key)) for (const v of [value].flat()) expect(String(v)).toMatch(/^[A-Z]{2}$/);
  }
}

describe.skipIf(!haveStandard)("HTCDS 2.0 export", () => {
  it("JSON: every key is an HTCDS field name, every picklist value an HTCDS value name, and the credit is there", async () => {
    const std = loadStandard();
    const res = await s.owner.http.request("GET", `/api/cases/${caseId}/export/htcds`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/attachment/);
    const doc = res.json();
    expect(doc.credit).toContain("Human Trafficking Case Data Standard");
    expect(doc.credit).toContain("IOM");
    expect(doc.credit).toContain("CC BY 4.0");
    expect(doc.credit).toMatch(/does not endorse/);
    expect(doc.identityIncluded).toBe(true);
    const [c] = doc.cases;
    let checked = 0;
    for (const [section, records] of Object.entries(c)) {
      for (const [i, rec] of [records].flat().entries()) {
        checkRecord(std, rec as Record<string, unknown>, `${section}[${i}]`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    expect(c.victims[0]).toMatchObject({
      prs_FirstName: VICTIM.name,
      prs_IdentityNumber: VICTIM.nik,
      prs_Gender: "Feminine",
      vic_TraffickingStatus: "ActualVictimOfTrafficking",
      vic_TraffickingStatusDecisionMakingOrg: "Police",
      vic_MethodsOfControl: ["WithholdsDocuments", "DebtBondage"],
      vic_RecruitmentWebsitesAndApps: ["Facebook", "WhatsApp"],
    });
    expect(c.perpetrators[0].per_RoleInProcess).toEqual(["RecruiterOrIntermediary", "Transporter"]);
    expect(c.events.map((e: { hte_Type: string }) => e.hte_Type)).toEqual(["Recruitment", "Exploitation"]);
    expect(c.supportPlans[0].spl_Type).toBe("SocialCare");
    expect(c.case.extensions.idn_Uu21Articles).toEqual(["4", "10"]);
  });

  it("CSV: every column is an HTCDS field name (or an idn_ extension), picklist cells hold value names", async () => {
    const std = loadStandard();
    const res = await s.owner.http.request("GET", `/api/cases/${caseId}/export/htcds?format=csv`);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    const [credit, ...rest] = res.body.split("\r\n");
    expect(credit).toMatch(/^# .*Human Trafficking Case Data Standard.*IOM.*CC BY 4\.0/);
    const [header, ...rows] = parseCsv(rest.join("\r\n")).filter((r) => r.length > 1);
    for (const col of header!) if (!col.startsWith("idn_")) expect(std.has(col), col).toBe(true);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]!]));
    for (const [k, v] of Object.entries(row)) {
      const values = std.get(k)?.values;
      if (values && v) for (const part of v.split(";")) expect(values.has(part), `${k} = ${part}`).toBe(true);
    }
    expect(row.prs_IdentityNumber).toBe(VICTIM.nik);
  });

  it("omits identity fields and narratives for roles that may not see them, and audits bulk exports", async () => {
    const std = loadStandard();
    const res = await s.coordinator.http.request("GET", "/api/cases/export/htcds");
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.identityIncluded).toBe(false);
    const mine = doc.cases.find((c: { case: { extensions: { idn_CaseCode: string } } }) => c.case.extensions.idn_CaseCode);
    for (const secret of [VICTIM.name, VICTIM.nik, VICTIM.birthDate, "Bang Jago", "Facebook lowongan", "Korban stabil"])
      expect(res.body).not.toContain(secret);
    expect(mine.victims[0].prs_Gender).toBe("Feminine");
    expect(mine.perpetrators).toEqual([]);
    for (const v of mine.victims) checkRecord(std, v, "victims");
    const csv = await s.coordinator.http.request("GET", "/api/cases/export/htcds?format=csv");
    expect(csv.body).not.toContain("prs_IdentityNumber");
    expect(csv.body).not.toContain(VICTIM.nik);
    // Somebody with no case at all gets an empty export, not someone else's cases.
    const empty = await s.outsider.http.request("GET", "/api/cases/export/htcds");
    expect(empty.json().cases).toEqual([]);
    const audits = await env.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "case.export"), eq(auditLog.actorUserId, s.coordinator.user.id)));
    expect(audits.map((a) => (a.details as { format: string; identity: boolean }).identity)).toEqual([false, false]);
    expect(JSON.stringify(audits)).toContain(caseId);
  });
});

describe("case list XLSX", () => {
  const rowsOf = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const ws = wb.getWorksheet("Daftar Kasus")!;
    const out: string[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    return out;
  };
  it("gives the team names and the coordinator only sex and age band", async () => {
    const mine = await s.owner.http.request("GET", "/api/cases/export.xlsx");
    expect(mine.statusCode).toBe(200);
    expect(mine.headers["content-type"]).toMatch(/spreadsheetml/);
    const rows = await rowsOf(mine.rawPayload);
    expect(rows[0]![0]).toBe("Kode");
    expect(rows.slice(1).some((r) => r.includes(VICTIM.name))).toBe(true);
    const coord = await rowsOf((await s.coordinator.http.request("GET", "/api/cases/export.xlsx")).rawPayload);
    expect(coord.length).toBeGreaterThan(1);
    expect(JSON.stringify(coord)).not.toContain(VICTIM.name);
    expect(coord[1]).toContain("Perempuan");
    expect((await s.volunteer.http.request("GET", "/api/cases/export.xlsx")).statusCode).toBe(403);
  });
});
