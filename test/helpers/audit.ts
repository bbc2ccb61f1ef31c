// The audit trail as tests read it back.
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../src/server/context";
import { auditLog } from "../../src/server/db/schema";

/** The audit rows of one action on one resource. */
export function auditRows(ctx: AppContext, action: string, resourceId: string) {
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.resourceId, resourceId)));
}
