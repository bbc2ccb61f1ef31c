import { hasRole } from "../../auth/principal";
import { definePolicy } from "../../auth/policy";

export const userPolicy = definePolicy("user", {
  list: (p) => hasRole(p, "admin"),
  create: (p) => hasRole(p, "admin"),
  update: (p) => hasRole(p, "admin"),
  resetPassword: (p) => hasRole(p, "admin"),
  disable: (p) => hasRole(p, "admin"),
});

export const agencyPolicy = definePolicy("agency", {
  // The agency directory is coordination data: coordinators read it too, and case workers pick
  // agencies from it for consent records, referrals and service providers.
  list: (p) => hasRole(p, "admin", "coordinator", "case_manager", "investigator"),
  manage: (p) => hasRole(p, "admin"),
});
