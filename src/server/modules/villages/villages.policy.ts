// Who may see and manage Desa Binaan villages. Deny by default. Every village read or write is
// also limited to the caller's jurisdiction (a desa outside it answers 404).
import { isWithin } from "../../../core/regions";
import { definePolicy } from "../../auth/policy";
import { hasRole, type Principal } from "../../auth/principal";

/** Staff who work with villages; volunteers see only public information (not these routes). */
export const VILLAGE_VIEWERS = [
  "admin",
  "coordinator",
  "agency_operator",
  "pimpasa",
  "interview_officer",
  "case_manager",
  "investigator",
] as const;
export const VILLAGE_MANAGERS = ["admin", "coordinator", "pimpasa"] as const;

/** The desa lies within one of the caller's areas (null jurisdiction = the whole regency). */
export function covers(p: Principal, desaCode: string): boolean {
  return p.jurisdiction === null || p.jurisdiction.some((area) => isWithin(desaCode, area));
}

export type VillageRef = { desaCode: string };

export const villagePolicy = definePolicy<"view" | "manage" | "seeFocalPhone", VillageRef>("village", {
  view: (p, v) => hasRole(p, ...VILLAGE_VIEWERS) && covers(p, v.desaCode),
  manage: (p, v) => hasRole(p, ...VILLAGE_MANAGERS) && covers(p, v.desaCode),
  // The focal point's phone is personal data: the programme's own people need it, others do not.
  seeFocalPhone: (p, v) => hasRole(p, ...VILLAGE_MANAGERS) && covers(p, v.desaCode),
});

/** Route-level gates, checked before validation. */
export const villageRoutePolicy = definePolicy<"view" | "manage" | "map", undefined>("village-route", {
  view: (p) => hasRole(p, ...VILLAGE_VIEWERS),
  manage: (p) => hasRole(p, ...VILLAGE_MANAGERS),
  map: (p) => hasRole(p, ...VILLAGE_VIEWERS),
});
