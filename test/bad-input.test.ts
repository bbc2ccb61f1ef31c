// Ordinary bad input answers 400 validation_failed with a translated message on the field, never 500
// and never a stored impossible value: NUL and lone surrogates in text and query strings, days that do
// not exist. (The fuzz in fuzz-routes.test.ts covers every route; these are the cases found by hand.)
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIELD_MESSAGES } from "../src/core/i18n/errors";
import { type Client, anonymous, createTestEnv, createUser, sessionFor, type TestEnv } from "./helpers/app";

let env: TestEnv;
let caseWorker: Client;
let caseId: string;

beforeAll(async () => {
  env = await createTestEnv({ publicRateLimit: false });
  caseWorker = await sessionFor(env, await createUser(env.ctx, { roles: ["case_manager"] }));
  const created = await caseWorker.request("POST", "/api/cases", { origin: "walk_in" });
  expect(created.statusCode).toBe(201);
  caseId = created.json().id;
});
afterAll(() => env.close());

async function as(roles: Parameters<typeof createUser>[1]["roles"]) {
  return sessionFor(env, await createUser(env.ctx, { roles }));
}

function expectFieldError(res: { statusCode: number; json(): any }, field: string, code: keyof typeof FIELD_MESSAGES, locale: "id" | "en" = "id") {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
  expect(res.json().error.code).toBe("validation_failed");
  expect(res.json().error.fields[field]).toBe(FIELD_MESSAGES[code][locale]);
}

const report = (over: Record<string, unknown>) => ({ submissionId: randomUUID(), category: "other", description: "Tawaran kerja ke luar negeri tanpa dokumen.", ...over });

describe("text with NUL, control characters or lone surrogates", () => {
  it("is refused in a public report's description, in both languages", async () => {
    const nul = await anonymous(env.app).request("POST", "/api/public/reports", report({ description: "Dijanjikan kerja\u0000 di Malaysia oleh sponsor." }));
    expectFieldError(nul, "description", "invalid_characters");
    const surrogate = await anonymous(env.app).request(
      "POST",
      "/api/public/reports",
      report({ description: "Dijanjikan kerja di Malaysia \ud800 oleh sponsor." }),
      { "accept-language": "en" },
    );
    expectFieldError(surrogate, "description", "invalid_characters", "en");
    const nested = await anonymous(env.app).request("POST", "/api/public/reports", report({ people: [{ name: "Sponsor\u0007" }] }));
    expectFieldError(nested, "people.0.name", "invalid_characters");
  });

  it("is refused in the sign-in username and password", async () => {
    expectFieldError(await anonymous(env.app).request("POST", "/api/auth/login", { username: "admin\u0000", password: "x" }), "username", "invalid_characters");
    expectFieldError(await anonymous(env.app).request("POST", "/api/auth/login", { username: "admin", password: "\udc00" }), "password", "invalid_characters");
  });

  it("is refused in search query strings of reports, cases, audit and users", async () => {
    expectFieldError(await (await as(["coordinator"])).request("GET", "/api/reports?q=%00"), "q", "invalid_characters");
    expectFieldError(await caseWorker.request("GET", "/api/cases?code=ab%00"), "code", "invalid_characters");
    expectFieldError(await caseWorker.request("GET", "/api/cases/team-candidates?q=%00"), "q", "invalid_characters");
    expectFieldError(await (await as(["auditor"])).request("GET", "/api/audit?actor=%00"), "actor", "invalid_characters");
    expectFieldError(await (await as(["admin"])).request("GET", "/api/admin/users?q=%01x"), "q", "invalid_characters");
    expectFieldError(await anonymous(env.app).request("GET", "/api/regions?q=pon%00tang"), "q", "invalid_characters");
  });

  it("keeps ordinary text with tabs, line breaks and emoji", async () => {
    const ok = await anonymous(env.app).request("POST", "/api/public/reports", report({ description: "Baris satu\r\nBaris dua\tdengan tab 👍 dan 𝕏." }));
    expect(ok.statusCode).toBe(201);
  });
});

describe("dates that do not exist", () => {
  it("are refused in case events, legal steps and services", async () => {
    const base = `/api/cases/${caseId}`;
    expectFieldError(await caseWorker.request("POST", `${base}/events`, { stage: "Recruitment", dateFrom: "2026-02-30" }), "dateFrom", "invalid_date");
    expectFieldError(await caseWorker.request("POST", `${base}/legal`, { stage: "police_report", date: "2026-13-45" }), "date", "invalid_date");
    expectFieldError(await caseWorker.request("POST", `${base}/services`, { type: "shelter", dueDate: "9999-99-99" }), "dueDate", "invalid_date");
    // A real leap day is fine.
    expect((await caseWorker.request("POST", `${base}/events`, { stage: "Recruitment", dateFrom: "2024-02-29" })).statusCode).toBe(201);
  });

  it("are refused for volunteers and never stored on a public report", async () => {
    const coordinator = await as(["coordinator"]);
    const volunteer = await coordinator.request("POST", "/api/volunteers", {
      name: "Relawan",
      desaCodes: ["36.04.12.2001"],
      consentAt: "2026-02-30",
      codeOfConductAt: "2026-01-05",
    });
    expectFieldError(volunteer, "consentAt", "invalid_date");
    expectFieldError(await anonymous(env.app).request("POST", "/api/public/reports", report({ occurredOn: "9999-99-99" })), "occurredOn", "invalid_date");
    expectFieldError(await anonymous(env.app).request("POST", "/api/public/reports", report({ occurredOn: "2026-13-45" })), "occurredOn", "invalid_date");
  });

  it("are refused in outreach periods and audit bounds", async () => {
    const officer = await as(["coordinator"]);
    expectFieldError(await officer.request("GET", "/api/outreach/coverage?from=2026-02-30"), "from", "invalid_date");
    expectFieldError(await officer.request("GET", "/api/outreach/sessions/calendar?from=2026-01-01&to=2026-04-31"), "to", "invalid_date");
    expectFieldError(await (await as(["auditor"])).request("GET", "/api/audit?from=2026-02-30"), "from", "invalid_date");
  });
});
