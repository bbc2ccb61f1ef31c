// The signed-in user as the web app sees it, with abilities computed from the policies,
// so the UI never re-implements access rules.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Principal } from "../../auth/principal";
import { agencies, users } from "../../db/schema";
import { findRegion } from "../regions/regions.repo";
import type { AppContext } from "../../context";
import { agencyPolicy, userPolicy } from "../admin/admin.policy";
import { auditPolicy } from "../audit/audit.policy";
import { caseRoutePolicy } from "../cases/cases.policy";
import { coordinationRoutePolicy } from "../coordination/coordination.policy";
import { outreachRoutePolicy } from "../outreach/outreach.policy";
import { reportQueuePolicy } from "../reports/reports.policy";
import { villageRoutePolicy } from "../villages/villages.policy";
import { volunteerPolicy } from "../volunteers/volunteers.policy";

export const JurisdictionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("regency") }),
  z.object({ kind: z.literal("areas"), codes: z.array(z.string()) }),
]);

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  agency: z.object({ id: z.string(), name: z.string(), code: z.string() }).nullable(),
  roles: z.array(z.string()),
  jurisdiction: JurisdictionSchema,
  abilities: z.record(z.string(), z.boolean()),
  locale: z.string(),
  /** Signed in with a temporary password: the UI asks for a new one (POST /api/auth/password). */
  mustChangePassword: z.boolean(),
  /** The regency this installation serves. */
  regency: z.object({ code: z.string(), name: z.string() }),
});

export function jurisdictionOf(codes: string[] | null): z.infer<typeof JurisdictionSchema> {
  return codes === null ? { kind: "regency" } : { kind: "areas", codes };
}

export function abilitiesOf(p: Principal): Record<string, boolean> {
  return {
    viewDashboard: true,
    manageUsers: userPolicy.can(p, "list", undefined),
    manageAgencies: agencyPolicy.can(p, "manage", undefined),
    readAudit: auditPolicy.can(p, "read", undefined),
    viewReports: reportQueuePolicy.can(p, "queue", undefined) || reportQueuePolicy.can(p, "inbox", undefined),
    triageReports: reportQueuePolicy.can(p, "queue", undefined),
    viewCases: caseRoutePolicy.can(p, "list", undefined),
    createCases: caseRoutePolicy.can(p, "create", undefined),
    viewCaseStats: caseRoutePolicy.can(p, "stats", undefined),
    viewReferrals: caseRoutePolicy.can(p, "referralInbox", undefined),
    viewVillages: villageRoutePolicy.can(p, "view", undefined),
    manageVillages: villageRoutePolicy.can(p, "manage", undefined),
    viewVillageMap: villageRoutePolicy.can(p, "map", undefined),
    recordOutreach: outreachRoutePolicy.can(p, "record", undefined),
    viewCoverage: outreachRoutePolicy.can(p, "coverage", undefined),
    exportOutreach: outreachRoutePolicy.can(p, "export", undefined),
    manageVolunteers: volunteerPolicy.can(p, "manage", undefined),
    viewCoordination: coordinationRoutePolicy.can(p, "directory", undefined),
    manageCoordination: coordinationRoutePolicy.can(p, "planMeetings", undefined),
  };
}

export async function meOf(ctx: AppContext, p: Principal): Promise<z.infer<typeof MeSchema>> {
  const [row] = await ctx.db.select({ mustChangePassword: users.mustChangePassword }).from(users).where(eq(users.id, p.id));
  const regency = await findRegion(ctx.db, ctx.config.regency);
  const [agency] = p.agencyId
    ? await ctx.db.select({ id: agencies.id, name: agencies.name, code: agencies.code }).from(agencies).where(eq(agencies.id, p.agencyId))
    : [];
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    agency: agency ?? null,
    roles: p.roles,
    jurisdiction: jurisdictionOf(p.jurisdiction),
    abilities: abilitiesOf(p),
    locale: p.locale,
    mustChangePassword: row?.mustChangePassword ?? false,
    regency: { code: ctx.config.regency, name: regency?.name ?? ctx.config.regency },
  };
}
