// Outreach sessions. Recorders work inside their jurisdiction; volunteers see only the sessions they
// recorded (another session answers 404). Coverage and exports are for the staff who plan outreach.
import { definePolicy } from "../../auth/policy";
import { hasRole, type Principal } from "../../auth/principal";
import { covers } from "../villages/villages.policy";

export const OUTREACH_RECORDERS = ["admin", "coordinator", "agency_operator", "pimpasa", "volunteer"] as const;
/** Roles that see all sessions in their jurisdiction (not only their own). */
export const OUTREACH_STAFF = ["admin", "coordinator", "agency_operator", "pimpasa"] as const;

export type SessionRef = { desaCode: string; recordedBy: string; organiserAgencyId: string | null };

const staffIn = (p: Principal, desaCode: string) => hasRole(p, ...OUTREACH_STAFF) && covers(p, desaCode);

export const sessionPolicy = definePolicy<"create" | "read" | "update", SessionRef>("outreach-session", {
  create: (p, s) => hasRole(p, ...OUTREACH_RECORDERS) && covers(p, s.desaCode),
  read: (p, s) => s.recordedBy === p.id || staffIn(p, s.desaCode),
  // The recorder fixes their own record; coordinators and admins, and the organising agency's staff, fix any in their area.
  update: (p, s) =>
    (s.recordedBy === p.id && covers(p, s.desaCode)) ||
    (hasRole(p, "admin", "coordinator") && covers(p, s.desaCode)) ||
    (staffIn(p, s.desaCode) && p.agencyId !== null && p.agencyId === s.organiserAgencyId),
});

export const outreachRoutePolicy = definePolicy<"record" | "list" | "coverage" | "export", undefined>("outreach-route", {
  record: (p) => hasRole(p, ...OUTREACH_RECORDERS),
  list: (p) => hasRole(p, ...OUTREACH_RECORDERS),
  coverage: (p) => hasRole(p, ...OUTREACH_STAFF),
  export: (p) => hasRole(p, "admin", "coordinator", "pimpasa", "agency_operator"),
});

/** A caller who sees only their own sessions (a volunteer without a staff role). */
export function ownSessionsOnly(p: Principal): boolean {
  return !hasRole(p, ...OUTREACH_STAFF);
}
