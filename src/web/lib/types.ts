// Shapes of the Simpul API as the web app uses them.
// Roles and pentahelix categories come from the isomorphic core shared with the server; the
// shapes of users, agencies and the signed-in user are inferred from the server's response
// schemas (type-only imports: nothing from the server reaches the bundle).
import type { z } from "zod";
import type { RegionLevel } from "../../core/regions";
import { PENTAHELIX as CORE_PENTAHELIX, ROLES, type Pentahelix, type Role } from "../../core/roles";
import type { AgencySchema, UserSchema } from "../../server/modules/admin/admin.schema";
import type { MeSchema } from "../../server/auth/auth.me";

export type RoleCode = Role;
export const ROLE_CODES: readonly RoleCode[] = ROLES;

export type Me = z.infer<typeof MeSchema>;
export type Jurisdiction = Me["jurisdiction"];
export type AgencyRef = NonNullable<Me["agency"]>;

export type LoginResponse =
  | { status: "ok"; user: Me; csrfToken: string }
  | { status: "totp_required"; challenge: string }
  | { status: "totp_enrol"; challenge: string; secret: string; otpauthUri: string; qrSvg: string };

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export type PentahelixCategory = Pentahelix;
export const PENTAHELIX: readonly PentahelixCategory[] = CORE_PENTAHELIX;

export type Agency = z.infer<typeof AgencySchema>;
export type User = z.infer<typeof UserSchema>;

export type { RegionLevel };

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
