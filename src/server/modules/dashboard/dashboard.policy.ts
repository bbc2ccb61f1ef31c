// Who sees which part of the console home. Deny by default: each section follows the rule of the list
// behind its numbers (so a number never counts rows its list would not show the caller), narrowed to the
// roles the dashboard is for; the route is open to a caller who has at least one section.
import { definePolicy, type Rule } from "../../auth/policy";
import { hasRole } from "../../auth/principal";
import { caseRoutePolicy } from "../cases/cases.policy";
import { coordinationRoutePolicy } from "../coordination/coordination.policy";
import { outreachRoutePolicy } from "../outreach/outreach.policy";
import { reportQueuePolicy } from "../reports/reports.policy";
import { villageRoutePolicy } from "../villages/villages.policy";

export const DASHBOARD_SECTIONS = ["reports", "inbox", "cases", "villages", "outreach", "mySessions", "actionItems"] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

const sections: Record<DashboardSection, Rule<undefined>> = {
  /** The report funnel and its deadlines: the coordinator's queue. */
  reports: (p) => reportQueuePolicy.can(p, "queue", undefined),
  /** The agency's inbox of forwarded reports. */
  inbox: (p) => reportQueuePolicy.can(p, "inbox", undefined),
  /** Case figures are aggregates for those who may read case statistics (coordinators). */
  cases: (p) => caseRoutePolicy.can(p, "stats", undefined),
  /** Villages by risk, status and reach: the coordinator's and the PIMPASA's own desa. */
  villages: (p) => hasRole(p, "coordinator", "pimpasa") && villageRoutePolicy.can(p, "view", undefined),
  /** Outreach sessions in the caller's area. */
  outreach: (p) => hasRole(p, "coordinator", "pimpasa") && outreachRoutePolicy.can(p, "coverage", undefined),
  /** A volunteer's own sessions. */
  mySessions: (p) => hasRole(p, "volunteer") && outreachRoutePolicy.can(p, "record", undefined),
  /** Task-force action items: every one for coordinators, the agency's own for operators. */
  actionItems: (p) => hasRole(p, "coordinator", "agency_operator") && coordinationRoutePolicy.can(p, "actionItems", undefined),
};

export const dashboardPolicy = definePolicy<DashboardSection | "view", undefined>("dashboard", {
  ...sections,
  view: (p) => DASHBOARD_SECTIONS.some((s) => sections[s](p, undefined)),
});
