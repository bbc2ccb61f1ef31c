// Spreadsheet formula injection: text that people typed (a victim's name, a phone, a venue) leaves in
// HTCDS CSV and XLSX exports as text, never as a formula, whatever it starts with (= + - @ tab CR).
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvField, parseCsv } from "../src/server/lib/csv";
import { createTestEnv, createUser, sessionFor, type TestEnv } from "./helpers/app";

// Leading tabs and line breaks are trimmed from names on input; csvField guards them too (last test).
const HOSTILE = ["=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)"];
const FORMULA_START = /^[=+\-@\t\r]/;

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
});
afterAll(() => env.close());

async function sheetTexts(buffer: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && out.push(cell.value)))));
  return out;
}

describe("exports guard every cell against formulas", () => {
  it("in the HTCDS CSV and the case list XLSX", async () => {
    const worker = await sessionFor(env, await createUser(env.ctx, { roles: ["case_manager"] }));
    for (const name of HOSTILE) {
      const res = await worker.request("POST", "/api/cases", { origin: "walk_in", victim: { name, phones: ["+62 812 3456 7890"], address: "-1 Jalan Raya" } });
      expect(res.statusCode, res.body).toBe(201);
    }

    const csv = await worker.request("GET", "/api/cases/export/htcds?format=csv");
    expect(csv.statusCode).toBe(200);
    const rows = parseCsv(csv.body.split("\r\n").slice(1).join("\r\n"));
    const cells = rows.slice(1).flat();
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    for (const name of HOSTILE) expect(cells).toContain(`'${name}`);
    expect(cells).toContain("'+62 812 3456 7890");

    const xlsx = await worker.request("GET", "/api/cases/export.xlsx");
    expect(xlsx.statusCode).toBe(200);
    const texts = await sheetTexts(xlsx.rawPayload);
    expect(texts.filter((t) => FORMULA_START.test(t))).toEqual([]);
    for (const name of HOSTILE) expect(texts).toContain(`'${name}`);
  });

  it("in the outreach XLSX", async () => {
    const officer = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
    const [desa] = (await env.app.inject({ method: "GET", url: "/api/regions/36.04.12/children" })).json().items;
    const res = await officer.request("POST", "/api/outreach/sessions", {
      id: randomUUID(),
      startsAt: "2026-03-14T09:00",
      desaCode: desa.code,
      venue: "+1+1",
      facilitators: ["=1+1", "@cmd"],
      materials: ["-2+3+cmd|' /C calc'!A0"],
      audiences: ["youth_students"],
      topics: ["step_information"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const xlsx = await officer.request("GET", "/api/outreach/export.xlsx?from=2026-03-01&to=2026-03-31");
    expect(xlsx.statusCode).toBe(200);
    const texts = await sheetTexts(xlsx.rawPayload);
    expect(texts.filter((t) => FORMULA_START.test(t))).toEqual([]);
    expect(texts.some((t) => t.includes("'=1+1") || t === "'+1+1")).toBe(true);
  });

  it("for text starting with a tab or a carriage return, and leaves numbers alone", () => {
    expect(csvField("\t=1+1")).toBe("\"'\t=1+1\"");
    expect(csvField("\r=1+1")).toBe("\"'\r=1+1\"");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(["+1", "aman"])).toBe("\"'+1;aman\"");
  });
});
