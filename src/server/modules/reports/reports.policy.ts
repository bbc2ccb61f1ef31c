// Who may do what with public reports. Deny by default: coordinators triage reports within their
// jurisdiction; agency operators see only reports forwarded to their own agency; nobody else reads them.
import { isWithin } from "../../../core/regions";
import { definePolicy } from "../../auth/policy";
import { hasRole, type Principal } from "../../auth/principal";
import { isCaseWorker } from "../../../core/roles";

export type ReportAccess = {
  regionCode: string | null;
  /** Agencies this report is forwarded to, and whether each may see the reporter's contact. */
  forwards: { agencyId: string; shareContact: boolean }[];
};

export function inJurisdiction(p: Principal, regionCode: string | null): boolean {
  if (p.jurisdiction === null) return true;
  // A report without a place in the regency belongs to the regency-wide coordinators.
  if (!regionCode) return false;
  return p.jurisdiction.some((area) => isWithin(regionCode, area));
}

const coordinates = (p: Principal, r: ReportAccess) => hasRole(p, "coordinator") && inJurisdiction(p, r.regionCode);
const handles = (p: Principal, r: ReportAccess) =>
  hasRole(p, "agency_operator") && p.agencyId !== null && r.forwards.some((f) => f.agencyId === p.agencyId);

export const reportPolicy = definePolicy<"read" | "triage" | "respond" | "note" | "seeReporter" | "seeLinks" | "toCase", ReportAccess>(
  "report",
  {
    read: (p, r) => coordinates(p, r) || handles(p, r),
    triage: coordinates,
    respond: handles,
    note: (p, r) => coordinates(p, r) || handles(p, r),
    seeReporter: (p, r) => coordinates(p, r) || (handles(p, r) && r.forwards.some((f) => f.agencyId === p.agencyId && f.shareContact)),
    // Linked reports are the start of recruiter intelligence: coordinators only (investigators get it through intelligence).
    seeLinks: coordinates,
    /** Open a case from the report: whoever reads it and may create cases (cases policy: case workers and coordinators). */
    toCase: (p, r) => coordinates(p, r) || (handles(p, r) && isCaseWorker(p)),
  },
);

export const reportQueuePolicy = definePolicy<"queue" | "inbox" | "any" | "toCase", undefined>("report-queue", {
  queue: (p) => hasRole(p, "coordinator"),
  inbox: (p) => hasRole(p, "agency_operator") && p.agencyId !== null,
  /** Route-level gate: only roles that can ever handle a report reach the handlers (others get 403). */
  any: (p) => hasRole(p, "coordinator") || (hasRole(p, "agency_operator") && p.agencyId !== null),
  /** Route-level gate for "convert to case": roles that can both read a report and create a case. */
  toCase: (p) => hasRole(p, "coordinator") || (hasRole(p, "agency_operator") && p.agencyId !== null && isCaseWorker(p)),
});
