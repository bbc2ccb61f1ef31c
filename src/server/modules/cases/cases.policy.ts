// Who may do what with a case. Deny by default. Access to one case comes from exactly one of:
// the case team (owner and members), an accepted referral assigned to the user (scoped to the whole
// case or one service), or the coordinator role within its jurisdiction (aggregate fields only).
// Everyone else gets 404 from the service.
import { isCaseWorker } from "../../../core/roles";
import { definePolicy } from "../../auth/policy";
import { hasRole } from "../../auth/principal";

export { CASE_WORKER_ROLES, isCaseWorker } from "../../../core/roles";

export type CaseAccess =
  | { level: "team"; role: "owner" | "member" }
  | { level: "referral"; scope: "case" | "service"; serviceIds: string[]; referralIds: string[] }
  | { level: "aggregate" };

const team = (a: CaseAccess) => a.level === "team";
const owner = (a: CaseAccess) => a.level === "team" && a.role === "owner";
const fullReferral = (a: CaseAccess) => a.level === "referral" && a.scope === "case";

export const casePolicy = definePolicy<
  "read" | "readIdentity" | "readNarrative" | "edit" | "manageTeam" | "close" | "note" | "updateService" | "refer" | "overrideConsent" | "export" | "documents",
  CaseAccess
>("case", {
  read: () => true,
  /** Name, NIK, birth date, phones, address: the team and referral recipients, never the aggregate view. */
  readIdentity: (_p, a) => a.level !== "aggregate",
  /** Summaries, notes, event descriptions, perpetrators: the team and whole-case referrals. */
  readNarrative: (_p, a) => team(a) || fullReferral(a),
  edit: (_p, a) => team(a),
  manageTeam: (_p, a) => owner(a),
  close: (_p, a) => owner(a),
  note: (_p, a) => team(a) || a.level === "referral",
  updateService: (_p, a) => team(a) || a.level === "referral",
  refer: (_p, a) => team(a),
  /** Sharing without recorded consent: the case owner, or an investigator on the team (criminal procedure). */
  overrideConsent: (p, a) => owner(a) || (team(a) && hasRole(p, "investigator")),
  export: () => true,
  /** Documents (list, download, upload, delete): the team and whole-case referrals; others get 404. */
  documents: (_p, a) => team(a) || fullReferral(a),
});

/** Action-level rules for routes that are not about one case. */
export const caseRoutePolicy = definePolicy<"create" | "list" | "stats" | "referralInbox" | "teamCandidates", undefined>("case-routes", {
  create: (p) => isCaseWorker(p) || hasRole(p, "coordinator"),
  /** Looking up case workers to put on a team (or, for a coordinator, to name as owner at intake). */
  teamCandidates: (p) => isCaseWorker(p) || hasRole(p, "coordinator"),
  list: (p) => isCaseWorker(p) || hasRole(p, "coordinator"),
  stats: (p) => hasRole(p, "coordinator"),
  referralInbox: (p) => isCaseWorker(p) && p.agencyId !== null,
});
