// Monthly and annual reports: regency-wide aggregates, so for coordinators of the whole regency only (as the
// case statistics: coordinators, not administrators, whose work is accounts and agencies). A coordinator
// limited to some kecamatan or desa would read figures of areas outside their jurisdiction: refused.
import { definePolicy } from "../../auth/policy";
import { hasRole } from "../../auth/principal";

export const periodicPolicy = definePolicy<"use", undefined>("periodic-reports", {
  use: (p) => hasRole(p, "coordinator") && p.jurisdiction === null,
});
