// What the signed-in user may do, for the web app's navigation (`Me.abilities`), computed from every
// feature's policy so the UI never re-implements access rules. It sits beside app.ts (which hands it to
// the auth routes) because it reads every module's policy, and auth must not import feature modules.
import type { Principal } from "./auth/principal";
import { agencyPolicy, userPolicy } from "./modules/admin/admin.policy";
import { auditPolicy } from "./modules/audit/audit.policy";
import { caseRoutePolicy } from "./modules/cases/cases.policy";
import { chatCheckPolicy } from "./modules/chatcheck/chatcheck.policy";
import { coordinationRoutePolicy } from "./modules/coordination/coordination.policy";
import { dashboardPolicy } from "./modules/dashboard/dashboard.policy";
import { outreachRoutePolicy } from "./modules/outreach/outreach.policy";
import { periodicPolicy } from "./modules/periodic/periodic.policy";
import { intelPolicy } from "./modules/intel/intel.policy";
import { reportQueuePolicy } from "./modules/reports/reports.policy";
import { privacyPolicy } from "./modules/retention/retention.policy";
import { screeningRoutePolicy } from "./modules/screening/screening.policy";
import { villageRoutePolicy } from "./modules/villages/villages.policy";
import { volunteerPolicy } from "./modules/volunteers/volunteers.policy";

export function abilitiesOf(p: Principal): Record<string, boolean> {
  return {
    viewDashboard: dashboardPolicy.can(p, "view", undefined),
    manageUsers: userPolicy.can(p, "list", undefined),
    manageAgencies: agencyPolicy.can(p, "manage", undefined),
    readAudit: auditPolicy.can(p, "read", undefined),
    viewReports: reportQueuePolicy.can(p, "queue", undefined) || reportQueuePolicy.can(p, "inbox", undefined),
    triageReports: reportQueuePolicy.can(p, "queue", undefined),
    viewCases: caseRoutePolicy.can(p, "list", undefined),
    createCases: caseRoutePolicy.can(p, "create", undefined),
    viewCaseStats: caseRoutePolicy.can(p, "stats", undefined),
    viewReferrals: caseRoutePolicy.can(p, "referralInbox", undefined),
    viewVillages: villageRoutePolicy.can(p, "view", undefined),
    manageVillages: villageRoutePolicy.can(p, "manage", undefined),
    viewVillageMap: villageRoutePolicy.can(p, "map", undefined),
    recordOutreach: outreachRoutePolicy.can(p, "record", undefined),
    viewCoverage: outreachRoutePolicy.can(p, "coverage", undefined),
    exportOutreach: outreachRoutePolicy.can(p, "export", undefined),
    manageVolunteers: volunteerPolicy.can(p, "manage", undefined),
    checkGroupChats: chatCheckPolicy.can(p, "check", undefined),
    viewCoordination: coordinationRoutePolicy.can(p, "directory", undefined),
    manageCoordination: coordinationRoutePolicy.can(p, "planMeetings", undefined),
    viewPeriodicReports: periodicPolicy.can(p, "use", undefined),
    viewIntel: intelPolicy.can(p, "use", undefined),
    viewScreenings: screeningRoutePolicy.can(p, "record", undefined),
    viewScreeningStats: screeningRoutePolicy.can(p, "stats", undefined),
    viewScreeningVisits: screeningRoutePolicy.can(p, "visits", undefined),
    viewScreeningReferrals: screeningRoutePolicy.can(p, "referrals", undefined),
    erasePersonalData: privacyPolicy.can(p, "erase", undefined),
  };
}
