// Recruiter intelligence is for investigators and task-force coordinators only (both sign in with TOTP).
// Every other role is told the routes do not exist (404), not that it may not use them.
import { definePolicy } from "../../auth/policy";
import { hasRole } from "../../auth/principal";

export const intelPolicy = definePolicy<"use", undefined>("intel", {
  use: (p) => hasRole(p, "investigator", "coordinator"),
});

/** Route config: refused callers get 404 (see `hidden` in auth/route-access.ts). */
export const INTEL_ACCESS = { access: { policy: intelPolicy, action: "use", hidden: true } } as const;
