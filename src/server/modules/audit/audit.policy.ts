import { hasRole } from "../../auth/principal";
import { definePolicy } from "../../auth/policy";

// Separation of duties: the people who administer accounts do not read the trail of their own actions.
export const auditPolicy = definePolicy("audit", {
  read: (p) => hasRole(p, "auditor"),
});
