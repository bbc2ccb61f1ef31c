// The volunteer registry holds volunteers' personal data: only the task-force secretariat and admins
// manage it; a volunteer reads their own registration.
import { definePolicy } from "../../auth/policy";
import { isWithin } from "../../../core/regions";
import { hasRole, type Principal } from "../../auth/principal";

export const volunteerPolicy = definePolicy<"manage" | "self", undefined>("volunteer", {
  manage: (p) => hasRole(p, "admin", "coordinator"),
  self: (p) => hasRole(p, "volunteer"),
});

/** One registration: its assigned desa and its login account, if linked. */
export type VolunteerRef = { desaCodes: string[]; userId: string | null };

/** A registration lies in the caller's jurisdiction when one of its desa does (null jurisdiction = the regency). */
const inArea = (p: Principal, v: VolunteerRef) =>
  p.jurisdiction === null || v.desaCodes.some((d) => p.jurisdiction!.some((a) => isWithin(d, a)));

export const volunteerRecordPolicy = definePolicy<"read" | "edit" | "addTraining", VolunteerRef>("volunteer-record", {
  read: (p, v) => (hasRole(p, "admin", "coordinator") && inArea(p, v)) || (v.userId !== null && v.userId === p.id),
  edit: (p, v) => hasRole(p, "admin", "coordinator") && inArea(p, v),
  addTraining: (p, v) => hasRole(p, "admin", "coordinator") && inArea(p, v),
});

/** What the caller may do with one registration, sent with it. */
export function volunteerAbilities(p: Principal, v: VolunteerRef) {
  return { edit: volunteerRecordPolicy.can(p, "edit", v), addTraining: volunteerRecordPolicy.can(p, "addTraining", v) };
}
