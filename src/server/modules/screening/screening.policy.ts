// Who may do what with passport-interview screenings. Deny by default.
// - Interview officers and supervisors of the immigration office record and read the office's screenings.
// - A postponement or refusal is reviewed blind by another officer; a disagreement is settled by a
//   supervisor who took no part in it.
// - Coordinators see statistics only; PIMPASA and volunteers see the home visits given to them; agency
//   operators see the counselling referrals sent to their agency.
import { definePolicy } from "../../auth/policy";
import { hasRole, type Principal } from "../../auth/principal";

export type ScreeningRecord = {
  officerId: string;
  officeAgencyId: string | null;
  status: "decided" | "awaiting_review" | "awaiting_tiebreak" | "final";
  reviewerIds: { second?: string; tiebreak?: string };
};

const isScreener = (p: Principal) => hasRole(p, "interview_officer", "interview_supervisor");
/** The office's screenings: same agency (an officer without an agency sees the whole tenant's). */
const inOffice = (p: Principal, s: ScreeningRecord) => isScreener(p) && (p.agencyId === null || s.officeAgencyId === p.agencyId);

export const screeningRoutePolicy = definePolicy<"record" | "stats" | "visits" | "referrals", undefined>("screening-route", {
  record: (p) => isScreener(p),
  stats: (p) => isScreener(p) || hasRole(p, "coordinator"),
  visits: (p) => hasRole(p, "pimpasa", "volunteer"),
  referrals: (p) => hasRole(p, "agency_operator"),
});

export const screeningPolicy = definePolicy<"read" | "seeDecision" | "review" | "tiebreak" | "followup", ScreeningRecord>("screening", {
  read: (p, s) => inOffice(p, s),
  /** Blind review: a reviewer who has not recorded their own decision does not see the first one. */
  seeDecision: (p, s) =>
    inOffice(p, s) &&
    (s.status === "decided" ||
      s.status === "final" ||
      s.officerId === p.id ||
      s.reviewerIds.second === p.id ||
      s.reviewerIds.tiebreak === p.id ||
      (s.status === "awaiting_tiebreak" && hasRole(p, "interview_supervisor"))),
  review: (p, s) => inOffice(p, s) && s.status === "awaiting_review" && s.officerId !== p.id,
  tiebreak: (p, s) =>
    inOffice(p, s) &&
    s.status === "awaiting_tiebreak" &&
    hasRole(p, "interview_supervisor") &&
    s.officerId !== p.id &&
    s.reviewerIds.second !== p.id,
  followup: (p, s) => inOffice(p, s),
});
