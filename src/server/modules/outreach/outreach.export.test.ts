// The outreach XLSX speaks the console's words and dates in WIB: a session held early in the morning in
// Jakarta (the evening before in UTC) is dated on its own day.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAgency, createTestEnv, createUser, sessionFor, signedIn, type TestEnv } from "../../../../test/helpers/app";

const DESA = "36.04.12.2001";
let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

it("dates the last session by its day in Asia/Jakarta and uses the console's status words", async () => {
  const agencyId = (await createAgency(env.ctx, { name: "Pemerintah Desa Pontang" })).id;
  const volunteer = await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [DESA], agencyId });
  const relawan = await sessionFor(env, volunteer);
  const coordinator = await signedIn(env, { roles: ["coordinator"] });
  const body = {
    id: randomUUID(),
    startsAt: "2025-05-20T06:30", // WIB: 2025-05-19 23:30 UTC
    desaCode: DESA,
    venue: "Balai Desa",
    audiences: ["general_public"],
    attendance: { female: { "18_24": 4 }, male: { "25_39": 3 } },
    topics: ["hotlines"],
  };
  const rec = await relawan.request("POST", "/api/outreach/sessions", body);
  expect(rec.statusCode, rec.body).toBe(201);
  expect(rec.json().startsAt).toBe("2025-05-19T23:30:00.000Z");

  const res = await coordinator.request("GET", "/api/outreach/export.xlsx?from=2025-05-01&to=2025-05-31");
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const values = (ws: ExcelJS.Worksheet, n: number) =>
    (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
  const find = (ws: ExcelJS.Worksheet, pred: (row: string[]) => boolean) => {
    for (let n = 4; n <= ws.rowCount; n++) if (pred(values(ws, n))) return values(ws, n);
    return undefined;
  };
  const sessions = wb.worksheets[0]!;
  const header = values(sessions, 3);
  const row = find(sessions, (r) => r[0] === "2025-05-20 06:30")!;
  expect(row).toBeDefined();
  expect(row[header.indexOf("Status")]).toBe("Terlaksana");

  const coverage = wb.worksheets[1]!;
  const covHeader = values(coverage, 3);
  const desa = find(coverage, (r) => r[0] === DESA)!;
  expect(desa[covHeader.indexOf("Sesi Terakhir")]).toBe("2025-05-20");
  const perVolunteer = wb.worksheets[3]!;
  const mine = find(perVolunteer, (r) => r[0] === volunteer.displayName)!;
  expect(mine[4]).toBe("2025-05-20");

  // In English when the request asks for it, with the same statuses the English console shows.
  const en = await coordinator.request("GET", "/api/outreach/export.xlsx?from=2025-05-01&to=2025-05-31", undefined, {
    "accept-language": "en",
  });
  const enBook = new ExcelJS.Workbook();
  await enBook.xlsx.load(en.rawPayload as never);
  expect(enBook.worksheets.map((ws) => ws.name)).toEqual(["Outreach sessions", "Village coverage", "By agency", "By volunteer"]);
  const enSessions = enBook.worksheets[0]!;
  const enHeader = values(enSessions, 3);
  expect(enHeader[0]).toBe("Date & time (WIB)");
  expect(find(enSessions, (r) => r[0] === "2025-05-20 06:30")![enHeader.indexOf("Status")]).toBe("Held");
  expect(find(enSessions, (r) => r[0] === "2025-05-20 06:30")![enHeader.indexOf("Audiences")]).toBe("General public");
});
