// Shapes of the Simpul API as the web app uses them (see the API contract in docs/).
export type RoleCode =
  | "admin"
  | "coordinator"
  | "agency_operator"
  | "pimpasa"
  | "interview_officer"
  | "case_manager"
  | "investigator"
  | "volunteer"
  | "auditor";

export const ROLE_CODES: readonly RoleCode[] = [
  "admin",
  "coordinator",
  "agency_operator",
  "pimpasa",
  "interview_officer",
  "case_manager",
  "investigator",
  "volunteer",
  "auditor",
];

export type Jurisdiction = { kind: "regency" } | { kind: "areas"; codes: string[] };

export interface AgencyRef {
  id: string;
  name: string;
  code: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  agency: AgencyRef | null;
  roles: string[];
  jurisdiction: Jurisdiction;
  abilities: Record<string, boolean>;
  locale?: string;
}

export type LoginResponse =
  | { status: "ok"; user: Me; csrfToken: string }
  | { status: "totp_required"; challenge: string }
  | { status: "totp_enrol"; challenge: string; secret: string; otpauthUri: string; qrSvg: string };

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export type PentahelixCategory = "government" | "business" | "academia" | "community" | "media";

export const PENTAHELIX: readonly PentahelixCategory[] = ["government", "business", "academia", "community", "media"];

export interface Agency {
  id: string;
  code: string;
  name: string;
  category: PentahelixCategory;
  kind?: string | null;
  active: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  agency: AgencyRef | null;
  roles: string[];
  jurisdiction: Jurisdiction;
  disabled: boolean;
  totpEnrolled: boolean;
  lastLoginAt: string | null;
}

export type RegionLevel = "province" | "regency" | "kecamatan" | "desa";

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string | null;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actor: { id: string | null; username: string | null } | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  ip: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | number | null;
}
