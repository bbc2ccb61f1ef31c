// Accounts by role: the condition the modules use to find whom to notify or assign (coordinators of an
// area, operators of an agency, PIMPASA officers).
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../core/roles";
import { users } from "./schema";

/** A `where` on users: the tenant's enabled accounts holding `role`, only those of `agencyIds` when given. */
export function activeWithRole(tenant: string, role: Role, agencyIds?: string[]): SQL {
  return and(
    eq(users.tenant, tenant),
    sql`${role} = ANY(${users.roles})`,
    isNull(users.disabledAt),
    agencyIds ? inArray(users.agencyId, agencyIds) : undefined,
  )!;
}
