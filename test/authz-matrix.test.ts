// Every API route × every role (and no session): who gets through and who is refused.
// A new route must be added here, or this test fails: access is a decision, not an accident.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../src/core/roles";
import { anonymous, createAgency, createTestEnv, createUser, sessionFor, type TestEnv } from "./helpers/app";

type Rule = "public" | "authenticated" | readonly Role[];

const MATRIX: Record<string, Rule> = {
  "GET /api/health": "public",
  "GET /api/openapi.json": "public",
  "GET /api/regions": "public",
  "GET /api/regions/:code": "public",
  "GET /api/regions/:code/children": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/totp": "public",
  "GET /api/auth/me": "authenticated",
  "POST /api/auth/logout": "authenticated",
  "POST /api/auth/password": "authenticated",
  "GET /api/admin/agencies": ["admin", "coordinator", "case_manager", "investigator"],
  "POST /api/admin/agencies": ["admin"],
  "PATCH /api/admin/agencies/:id": ["admin"],
  "GET /api/admin/users": ["admin"],
  "POST /api/admin/users": ["admin"],
  "PATCH /api/admin/users/:id": ["admin"],
  "POST /api/admin/users/:id/reset-password": ["admin"],
  "POST /api/admin/users/:id/disable": ["admin"],
  "POST /api/admin/users/:id/enable": ["admin"],
  "GET /api/audit": ["auditor"],
  "POST /api/public/reports": "public",
  "POST /api/public/reports/attachments": "public",
  "POST /api/public/reports/lookup": "public",
  "POST /api/public/jobcheck": "public",
  "POST /api/public/jobcheck/image": "public",
  "GET /api/public/agencies": "public",
  "GET /api/reports": ["coordinator"],
  "GET /api/reports/inbox": ["agency_operator"],
  "GET /api/reports/:id": ["coordinator", "agency_operator"],
  "GET /api/reports/:id/attachments/:attachmentId": ["coordinator", "agency_operator"],
  "GET /api/reports/:id/attachments/:attachmentId/text": ["coordinator", "agency_operator"],
  "POST /api/reports/:id/verify": ["coordinator", "agency_operator"],
  "POST /api/reports/:id/reject": ["coordinator", "agency_operator"],
  "POST /api/reports/:id/forward": ["coordinator", "agency_operator"],
  "POST /api/reports/:id/responses": ["coordinator", "agency_operator"],
  "POST /api/reports/:id/notes": ["coordinator", "agency_operator"],
  "POST /api/reports/:id/close": ["coordinator", "agency_operator"],
  "POST /api/reports/:id/reopen": ["coordinator", "agency_operator"],
  // Convert to case: read the report and create a case. A single-role agency operator cannot create cases.
  "POST /api/reports/:id/case": ["coordinator"],
  // The console home: roles with at least one section (dashboard.policy.ts); each section is scoped like its list.
  "GET /api/dashboard": ["coordinator", "agency_operator", "pimpasa", "volunteer"],
  "GET /api/notifications": "authenticated",
  "POST /api/notifications/:id/read": "authenticated",
  // Cases: lists and intake for case workers and coordinators; routes about one case (or referral) are
  // open to every signed-in user at route level and answer 404 outside the case's audience (team,
  // accepted referral, coordinator of the area), so no role learns that a case exists.
  "GET /api/cases": ["case_manager", "investigator", "coordinator"],
  "POST /api/cases": ["case_manager", "investigator", "coordinator"],
  "GET /api/cases/stats": ["coordinator"],
  "GET /api/cases/overdue": ["case_manager", "investigator", "coordinator"],
  "GET /api/cases/export/htcds": ["case_manager", "investigator", "coordinator"],
  "GET /api/cases/export.xlsx": ["case_manager", "investigator", "coordinator"],
  "GET /api/cases/team-candidates": ["case_manager", "investigator", "coordinator"],
  "GET /api/cases/:id": "authenticated",
  "PATCH /api/cases/:id": "authenticated",
  "POST /api/cases/:id/close": "authenticated",
  "POST /api/cases/:id/reopen": "authenticated",
  "POST /api/cases/:id/members": "authenticated",
  "DELETE /api/cases/:id/members/:userId": "authenticated",
  "POST /api/cases/:id/owner": "authenticated",
  "POST /api/cases/:id/reports": "authenticated",
  "GET /api/cases/:id/export/htcds": "authenticated",
  "POST /api/cases/:id/persons": "authenticated",
  "GET /api/cases/:id/persons/:personId": "authenticated",
  "PATCH /api/cases/:id/persons/:personId": "authenticated",
  "POST /api/cases/:id/events": "authenticated",
  "POST /api/cases/:id/assessments": "authenticated",
  "POST /api/cases/:id/services": "authenticated",
  "PATCH /api/cases/:id/services/:serviceId": "authenticated",
  "POST /api/cases/:id/legal": "authenticated",
  // Legal hold (retention module): one case, so open at route level; 404 outside the case's audience.
  "GET /api/cases/:id/legal-hold": "authenticated",
  "PUT /api/cases/:id/legal-hold": "authenticated",
  "DELETE /api/cases/:id/legal-hold": "authenticated",
  // Data-subject erasure (UU 27/2022): the regency-wide coordinator only (the matrix's users have no jurisdiction).
  "POST /api/privacy/erasure/preview": ["coordinator"],
  "POST /api/privacy/erasure": ["coordinator"],
  "POST /api/cases/:id/notes": "authenticated",
  "POST /api/cases/:id/consents": "authenticated",
  "POST /api/cases/:id/consents/:consentId/withdraw": "authenticated",
  "POST /api/cases/:id/referrals": "authenticated",
  "GET /api/cases/:id/documents": "authenticated",
  "POST /api/cases/:id/documents": "authenticated",
  "GET /api/cases/:id/documents/:documentId": "authenticated",
  "DELETE /api/cases/:id/documents/:documentId": "authenticated",
  "GET /api/referrals": ["case_manager", "investigator"],
  "POST /api/referrals/:id/accept": "authenticated",
  "POST /api/referrals/:id/reject": "authenticated",
  "POST /api/referrals/:id/complete": "authenticated",
  "POST /api/referrals/:id/revoke": "authenticated",
  "GET /api/screenings": ["interview_officer", "interview_supervisor"],
  "POST /api/screenings": ["interview_officer", "interview_supervisor"],
  "GET /api/screenings/referral-agencies": ["interview_officer", "interview_supervisor"],
  "GET /api/screenings/review-queue": ["interview_officer", "interview_supervisor"],
  "GET /api/screenings/stats": ["coordinator", "interview_officer", "interview_supervisor"],
  "GET /api/screenings/visits": ["pimpasa", "volunteer"],
  "POST /api/screenings/visits/:id/complete": ["pimpasa", "volunteer"],
  "GET /api/screenings/referrals": ["agency_operator"],
  "POST /api/screenings/referrals/:id/complete": ["agency_operator"],
  "GET /api/screenings/:id": ["interview_officer", "interview_supervisor"],
  "POST /api/screenings/:id/reviews": ["interview_officer", "interview_supervisor"],
  "POST /api/screenings/:id/referrals": ["interview_officer", "interview_supervisor"],
  "GET /api/screenings/:id/visit-candidates": ["interview_officer", "interview_supervisor"],
  "POST /api/screenings/:id/visits": ["interview_officer", "interview_supervisor"],
  "GET /api/intel/entities": ["coordinator", "investigator"],
  "GET /api/intel/entities/:id": ["coordinator", "investigator"],
  "GET /api/intel/entities/:id/network": ["coordinator", "investigator"],
  "POST /api/intel/entities/:id/watch": ["coordinator", "investigator"],
  "POST /api/intel/entities/:id/split": ["coordinator", "investigator"],
  "POST /api/intel/judgements": ["coordinator", "investigator"],
  "POST /api/public/identifier-check": "public",
  "GET /api/public/statistics": "public",
  "GET /api/public/statistics/:file": "public",
  "GET /api/public/leaflets/:file": "public",
  // Coordination: the directory, meetings and action items are read by every staff role (records scoped
  // by agency in the service); coordinators and admins edit the directory and run meetings.
  "GET /api/coordination/agencies": ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator", "volunteer", "auditor", "interview_supervisor"],
  "PUT /api/coordination/agencies/:id/task-forces": ["admin", "coordinator"],
  "POST /api/coordination/agencies/:id/focal-points": ["admin", "coordinator"],
  "PATCH /api/coordination/focal-points/:id": ["admin", "coordinator"],
  "DELETE /api/coordination/focal-points/:id": ["admin", "coordinator"],
  "GET /api/coordination/meetings": ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator", "volunteer", "auditor", "interview_supervisor"],
  "POST /api/coordination/meetings": ["admin", "coordinator"],
  "GET /api/coordination/meetings/:id": ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator", "volunteer", "auditor", "interview_supervisor"],
  "PATCH /api/coordination/meetings/:id": ["admin", "coordinator"],
  "PUT /api/coordination/meetings/:id/attendance": ["admin", "coordinator"],
  "POST /api/coordination/meetings/:id/decisions": ["admin", "coordinator"],
  "GET /api/coordination/meetings/:id/minutes.pdf": ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator", "volunteer", "auditor", "interview_supervisor"],
  "POST /api/coordination/decisions/:id/action-items": ["admin", "coordinator"],
  "GET /api/coordination/action-items": ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator", "volunteer", "auditor", "interview_supervisor"],
  // Monthly and annual reports: regency-wide aggregates, coordinators only (like the case statistics).
  "GET /api/periodic-reports": ["coordinator"],
  "POST /api/periodic-reports": ["coordinator"],
  "GET /api/periodic-reports/:id/pdf": ["coordinator"],
  "GET /api/periodic-reports/:id/xlsx": ["coordinator"],
  "PATCH /api/coordination/action-items/:id": ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator", "volunteer", "auditor", "interview_supervisor"],
  "GET /api/villages": ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator"],
  "GET /api/villages/map": ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator"],
  "GET /api/villages/officers": ["admin", "coordinator", "pimpasa"],
  "GET /api/villages/:code": ["admin", "coordinator", "agency_operator", "pimpasa", "interview_officer", "case_manager", "investigator"],
  "PATCH /api/villages/:code": ["admin", "coordinator", "pimpasa"],
  "PUT /api/villages/:code/indicators/:period": ["admin", "coordinator", "pimpasa"],
  "DELETE /api/villages/:code/indicators/:period": ["admin", "coordinator", "pimpasa"],
  "GET /api/outreach/vocabulary": "authenticated",
  "POST /api/outreach/chat-check": ["volunteer", "pimpasa", "coordinator"],
  "POST /api/outreach/sessions": ["admin", "coordinator", "agency_operator", "pimpasa", "volunteer"],
  "GET /api/outreach/sessions": ["admin", "coordinator", "agency_operator", "pimpasa", "volunteer"],
  "GET /api/outreach/sessions/calendar": ["admin", "coordinator", "agency_operator", "pimpasa", "volunteer"],
  "GET /api/outreach/sessions/:id": ["admin", "coordinator", "agency_operator", "pimpasa", "volunteer"],
  "PATCH /api/outreach/sessions/:id": ["admin", "coordinator", "agency_operator", "pimpasa", "volunteer"],
  "POST /api/outreach/sessions/:id/photos": ["admin", "coordinator", "agency_operator", "pimpasa", "volunteer"],
  "GET /api/outreach/sessions/:id/photos/:photoId": ["admin", "coordinator", "agency_operator", "pimpasa", "volunteer"],
  "DELETE /api/outreach/sessions/:id/photos/:photoId": ["admin", "coordinator", "agency_operator", "pimpasa", "volunteer"],
  "GET /api/outreach/coverage": ["admin", "coordinator", "agency_operator", "pimpasa"],
  "GET /api/outreach/export.xlsx": ["admin", "coordinator", "agency_operator", "pimpasa"],
  "GET /api/volunteers": ["admin", "coordinator"],
  "GET /api/volunteers/me": ["volunteer"],
  "GET /api/volunteers/accounts": ["admin", "coordinator"],
  "POST /api/volunteers": ["admin", "coordinator"],
  "GET /api/volunteers/:id": ["admin", "coordinator"],
  "PATCH /api/volunteers/:id": ["admin", "coordinator"],
  "POST /api/volunteers/:id/trainings": ["admin", "coordinator"],
};

/** Routes that refuse by seeming not to exist: every role the rule leaves out gets 404, not 403. */
const HIDDEN = new Set(Object.keys(MATRIX).filter((route) => route.includes(" /api/intel/")));

let env: TestEnv;
beforeAll(async () => {
  // Hundreds of requests from one client: the matrix is about access, not rate limits.
  env = await createTestEnv({ publicRateLimit: false });
});
afterAll(() => env.close());

function concreteUrl(url: string): string {
  return url.replace(":code", "36.04").replace(/:[a-zA-Z]+/g, randomUUID());
}

const DENIED = [401, 403];

describe("authorization matrix", () => {
  it("covers every registered API route", () => {
    expect([...new Set(env.app.apiRoutes)].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("refuses anonymous callers on every non-public route", async () => {
    for (const [route, rule] of Object.entries(MATRIX)) {
      const [method, url] = route.split(" ") as [string, string];
      const res = await anonymous(env.app).request(method, concreteUrl(url), method === "GET" ? undefined : {});
      if (rule === "public") expect(DENIED, `${route} anonymous`).not.toContain(res.statusCode);
      else expect(res.statusCode, `${route} anonymous`).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`gives ${role} exactly what the matrix says`, async () => {
      const agency = await createAgency(env.ctx);
      const user = await createUser(env.ctx, { roles: [role], agencyId: agency.id });
      for (const [route, rule] of Object.entries(MATRIX)) {
        const [method, url] = route.split(" ") as [string, string];
        // A fresh session per request: some allowed calls (sign-out) end the session they use.
        const client = await sessionFor(env, user);
        const res = await client.request(method, concreteUrl(url), method === "GET" ? undefined : {});
        const allowed = rule === "public" || rule === "authenticated" || rule.includes(role);
        if (allowed) expect(DENIED, `${route} as ${role}: ${res.body}`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${route} as ${role}`).toBe(HIDDEN.has(route) ? 404 : 403);
      }
    });
  }
});
