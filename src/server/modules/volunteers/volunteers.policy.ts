// The volunteer registry holds volunteers' personal data: only the task-force secretariat and admins
// manage it; a volunteer reads their own registration.
import { definePolicy } from "../../auth/policy";
import { hasRole } from "../../auth/principal";

export const volunteerPolicy = definePolicy<"manage" | "self", undefined>("volunteer", {
  manage: (p) => hasRole(p, "admin", "coordinator"),
  self: (p) => hasRole(p, "volunteer"),
});
