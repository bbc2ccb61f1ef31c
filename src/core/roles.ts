// Staff roles and what they imply. Shared by server and web (no Node imports).
export const ROLES = [
  "admin",
  "coordinator",
  "agency_operator",
  "pimpasa",
  "interview_officer",
  /** Head of the interview section: settles disagreements between an officer and the blind reviewer. */
  "interview_supervisor",
  "case_manager",
  "investigator",
  "volunteer",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see victim or intelligence data (or can grant access to it) must use a second factor. */
export const TOTP_ROLES: readonly Role[] = [
  "admin",
  "coordinator",
  "interview_officer",
  "interview_supervisor",
  "case_manager",
  "investigator",
];

export function requiresTotp(roles: readonly string[]): boolean {
  return roles.some((r) => (TOTP_ROLES as readonly string[]).includes(r));
}

/** Roles that may sit on a case team or receive a referral (all of them sign in with TOTP). */
export const CASE_WORKER_ROLES = ["case_manager", "investigator"] as const;

export function isCaseWorker(p: { roles: readonly string[] }): boolean {
  return p.roles.some((r) => (CASE_WORKER_ROLES as readonly string[]).includes(r));
}

export const PENTAHELIX = ["government", "business", "academia", "community", "media"] as const;
export type Pentahelix = (typeof PENTAHELIX)[number];
