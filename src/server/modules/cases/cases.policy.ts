// Who may do what with a case. Deny by default. Access to one case comes from exactly one of:
// the case team (owner and members), an accepted referral assigned to the user (scoped to the whole
// case or one service), or the coordinator role within its jurisdiction (aggregate fields only).
// Everyone else gets 404 from the service.
import { isCaseWorker } from "../../../core/roles";
import { definePolicy } from "../../auth/policy";
import { hasRole, type Principal } from "../../auth/principal";

export { CASE_WORKER_ROLES, isCaseWorker } from "../../../core/roles";

export type CaseAccess =
  | { level: "team"; role: "owner" | "member" }
  | { level: "referral"; scope: "case" | "service"; serviceIds: string[]; referralIds: string[] }
  | { level: "aggregate" };

const team = (a: CaseAccess) => a.level === "team";
const owner = (a: CaseAccess) => a.level === "team" && a.role === "owner";
const fullReferral = (a: CaseAccess) => a.level === "referral" && a.scope === "case";

export type CaseAction =
  | "read"
  | "readIdentity"
  | "readNarrative"
  | "edit"
  | "manageTeam"
  | "close"
  | "note"
  | "updateService"
  | "recordLegal"
  | "refer"
  | "overrideConsent"
  | "export"
  | "documents"
  | "legalHold";

export const casePolicy = definePolicy<CaseAction, CaseAccess>("case", {
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
  /**
   * Legal-process milestones: the team, and an investigator holding an accepted whole-case referral
   * (the police receive a case to investigate it; their milestones belong on the case).
   */
  recordLegal: (p, a) => team(a) || (fullReferral(a) && hasRole(p, "investigator")),
  refer: (_p, a) => team(a),
  /** Sharing without recorded consent: the case owner, or an investigator on the team (criminal procedure). */
  overrideConsent: (p, a) => owner(a) || (team(a) && hasRole(p, "investigator")),
  export: () => true,
  /** Documents (list, download, upload, delete): the team and whole-case referrals; others get 404. */
  documents: (_p, a) => team(a) || fullReferral(a),
  /**
   * Legal hold (retention module: the case is never erased while held): whoever records legal milestones,
   * and the coordinator of the area (the task force answers the prosecutor's and the court's requests).
   */
  legalHold: (p, a) => team(a) || (fullReferral(a) && hasRole(p, "investigator")) || (a.level === "aggregate" && hasRole(p, "coordinator")),
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

/**
 * What the caller may do with one case right now, sent with every case detail so the console shows
 * exactly the actions the server will accept (it never re-derives the rules). A closed case takes no
 * changes except those `CaseService.inCase` lets through after closure (`whenClosed`).
 */
export function caseAbilities(p: Principal, a: CaseAccess, status: string) {
  const can = (action: CaseAction) => casePolicy.can(p, action, a);
  const open = status !== "closed";
  return {
    readIdentity: can("readIdentity"),
    readNarrative: can("readNarrative"),
    edit: open && can("edit"),
    addPerson: open && can("edit"),
    editPerson: open && can("edit"),
    addEvent: open && can("edit"),
    addAssessment: open && can("edit"),
    addService: open && can("edit"),
    /** Provider, due date and notes of a service: the team plans. */
    editService: open && can("edit"),
    /** Progress (status) of the services shown: the team while open; referral recipients also after closure. */
    updateServiceStatus: can("updateService") && (open || a.level === "referral"),
    recordLegal: open && can("recordLegal"),
    addNote: open && can("note"),
    recordConsent: open && can("edit"),
    /** The victim's withdrawal counts at once, closed or not. */
    withdrawConsent: can("edit"),
    refer: open && can("refer"),
    overrideConsent: open && can("refer") && can("overrideConsent"),
    manageTeam: open && can("manageTeam"),
    /** Taking someone off the team only narrows access: allowed after closure too. */
    removeMember: can("manageTeam"),
    close: open && can("close"),
    reopen: !open && can("close"),
    export: can("export"),
    documents: can("documents"),
    changeDocuments: open && can("documents"),
    /** Set or release a legal hold (retention module): open or closed, a hold matters most after closure. */
    legalHold: can("legalHold"),
  };
}
export type CaseAbilities = ReturnType<typeof caseAbilities>;
/** The names of the case abilities, for the response schema. */
export const CASE_ABILITIES = [
  "readIdentity",
  "readNarrative",
  "edit",
  "addPerson",
  "editPerson",
  "addEvent",
  "addAssessment",
  "addService",
  "editService",
  "updateServiceStatus",
  "recordLegal",
  "addNote",
  "recordConsent",
  "withdrawConsent",
  "refer",
  "overrideConsent",
  "manageTeam",
  "removeMember",
  "close",
  "reopen",
  "export",
  "documents",
  "changeDocuments",
  "legalHold",
] as const satisfies readonly (keyof CaseAbilities)[];

/** How the caller stands to one referral: a case worker of the receiving agency, or on the sending case's team. */
export type ReferralRelation = { receiver: boolean; sender: boolean };
type ReferralStatus = "sent" | "accepted" | "rejected" | "completed" | "revoked";

/**
 * The receiving side is the receiving agency's case workers; the sending side is whoever may refer the
 * case (`casePolicy` "refer", i.e. its team). `caseAccess` is the caller's access to the referral's case.
 */
export function referralRelation(p: Principal, r: { toAgencyId: string }, caseAccess: CaseAccess | null): ReferralRelation {
  return {
    receiver: isCaseWorker(p) && p.agencyId !== null && p.agencyId === r.toAgencyId,
    sender: caseAccess !== null && casePolicy.can(p, "refer", caseAccess),
  };
}

/**
 * Who may act on a referral. Neither side: 404. The state machine (sent → accepted | rejected →
 * completed; revoked) is checked by the service (409 `invalid_transition`); `referralAbilities` combines both.
 */
export const referralPolicy = definePolicy<"read" | "answer" | "complete" | "revoke", ReferralRelation>("referral", {
  read: (_p, r) => r.receiver || r.sender,
  /** Accept or reject. */
  answer: (_p, r) => r.receiver,
  complete: (_p, r) => r.receiver || r.sender,
  revoke: (_p, r) => r.sender,
});

export function referralAbilities(p: Principal, rel: ReferralRelation, status: ReferralStatus) {
  return {
    accept: status === "sent" && referralPolicy.can(p, "answer", rel),
    reject: status === "sent" && referralPolicy.can(p, "answer", rel),
    complete: status === "accepted" && referralPolicy.can(p, "complete", rel),
    revoke: (status === "sent" || status === "accepted") && referralPolicy.can(p, "revoke", rel),
  };
}
