// Queries for cases. The caller's access scope becomes a WHERE fragment; one case's access level is
// computed from the team, accepted referrals and the coordinator's jurisdiction.
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { hasRole, type Principal } from "../../auth/principal";
import type { Db } from "../../db/client";
import { findTenantRow } from "../../db/records";
import { agencies, users } from "../../db/schema";
import { jakartaDate } from "../../lib/working-days";
import { CASE_WORKER_ROLES, type CaseAccess, isCaseWorker } from "./cases.policy";
import {
  caseConsents,
  caseEvents,
  caseLegalMilestones,
  caseMembers,
  caseNotes,
  casePersons,
  caseReferrals,
  cases,
  caseServices,
} from "./cases.tables";

export type CaseRow = typeof cases.$inferSelect;

export { iso } from "../../lib/time";

/** A service is overdue from the day after its due date (Asia/Jakarta) until delivered or cancelled. */
export const serviceOverdueSql = (now: Date) =>
  sql`(${caseServices.status} IN ('planned', 'in_progress') AND ${caseServices.dueDate} < ${jakartaDate(now)})`;
export const referralOverdueSql = (now: Date) =>
  sql`(${caseReferrals.status} = 'sent' AND ${caseReferrals.respondDueAt} <= ${now.toISOString()})`;

/** The coordinator's jurisdiction over cases (regency-wide coordinators also see cases without a place). */
export function caseJurisdictionSql(p: Principal): SQL {
  if (p.jurisdiction === null) return sql`true`;
  if (p.jurisdiction.length === 0) return sql`false`;
  return sql`(${sql.join(
    p.jurisdiction.map((area) => sql`(${cases.regionCode} = ${area} OR ${cases.regionCode} LIKE ${`${area}.%`})`),
    sql` OR `,
  )})`;
}

const memberSql = (p: Principal) =>
  sql`EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = ${cases.id} AND m.user_id = ${p.id} AND m.removed_at IS NULL)`;
const referralSql = (p: Principal) =>
  sql`EXISTS (SELECT 1 FROM case_referrals r WHERE r.case_id = ${cases.id} AND r.assigned_user_id = ${p.id} AND r.status = 'accepted')`;

/** Every case the principal may see at any level, as a WHERE fragment (tenant included). */
export function caseScopeSql(p: Principal): SQL {
  const parts: SQL[] = [];
  if (isCaseWorker(p)) parts.push(memberSql(p), referralSql(p));
  if (hasRole(p, "coordinator")) parts.push(caseJurisdictionSql(p));
  if (parts.length === 0) return sql`false`;
  return sql`(${cases.tenant} = ${p.tenant} AND (${sql.join(parts, sql` OR `)}))`;
}

/** Team or referral scope only: the cases whose identity fields the principal may see. */
export function identityScopeSql(p: Principal): SQL {
  if (!isCaseWorker(p)) return sql`false`;
  return sql`(${cases.tenant} = ${p.tenant} AND (${memberSql(p)} OR ${referralSql(p)}))`;
}

export function findCase(db: Db, tenant: string, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  return findTenantRow(db, cases, tenant, id, forUpdate);
}

/** The principal's access to one case, or null (the caller answers 404). */
export async function accessTo(db: Db, p: Principal, c: CaseRow): Promise<CaseAccess | null> {
  if (c.tenant !== p.tenant) return null;
  if (isCaseWorker(p)) {
    const [m] = await db
      .select({ role: caseMembers.role })
      .from(caseMembers)
      .where(and(eq(caseMembers.caseId, c.id), eq(caseMembers.userId, p.id), isNull(caseMembers.removedAt)));
    if (m) return { level: "team", role: m.role };
    const refs = await db
      .select({ id: caseReferrals.id, scope: caseReferrals.scope, serviceId: caseReferrals.serviceId })
      .from(caseReferrals)
      .where(and(eq(caseReferrals.caseId, c.id), eq(caseReferrals.assignedUserId, p.id), eq(caseReferrals.status, "accepted")));
    if (refs.length) {
      const whole = refs.some((r) => r.scope === "case");
      return {
        level: "referral",
        scope: whole ? "case" : "service",
        serviceIds: refs.map((r) => r.serviceId).filter((s): s is string => !!s),
        referralIds: refs.map((r) => r.id),
      };
    }
  }
  if (hasRole(p, "coordinator")) {
    const [hit] = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.id, c.id), caseJurisdictionSql(p)));
    if (hit) return { level: "aggregate" };
  }
  return null;
}

export function accessLabel(a: CaseAccess): "team" | "referral_case" | "referral_service" | "aggregate" {
  return a.level === "referral" ? (a.scope === "case" ? "referral_case" : "referral_service") : a.level;
}

export async function userRefs(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; displayName: string; agency: { id: string; name: string } | null }>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, agencyId: agencies.id, agencyName: agencies.name })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(
    rows.map((r) => [r.id, { id: r.id, displayName: r.displayName, agency: r.agencyId ? { id: r.agencyId, name: r.agencyName! } : null }]),
  );
}

/** `%`, `_` and `\\` taken literally in a LIKE pattern. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Active users of the tenant who hold a case-worker role, matching `q` in their name or agency name:
 * id, name, agency and case roles only (never username, e-mail or phone).
 */
export async function teamCandidates(db: Db, tenant: string, q: string | undefined, limit: number) {
  const needle = q ? `%${likeLiteral(q)}%` : undefined;
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles, agencyId: agencies.id, agencyName: agencies.name })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        eq(users.tenant, tenant),
        isNull(users.disabledAt),
        sql`${users.roles} && ARRAY[${sql.join(
          CASE_WORKER_ROLES.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`,
        needle ? or(sql`${users.displayName} ILIKE ${needle}`, sql`${agencies.name} ILIKE ${needle}`) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    agency: r.agencyId ? { id: r.agencyId, name: r.agencyName! } : null,
    roles: r.roles.filter((x): x is (typeof CASE_WORKER_ROLES)[number] => (CASE_WORKER_ROLES as readonly string[]).includes(x)),
  }));
}

export async function agencyRefs(db: Db, ids: (string | null)[]) {
  const clean = [...new Set(ids.filter((x): x is string => !!x))];
  if (clean.length === 0) return new Map<string, { id: string; name: string }>();
  const rows = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, clean));
  return new Map(rows.map((r) => [r.id, r]));
}

export type ListFilter = {
  status?: string;
  traffickingStatus?: string;
  overdue?: boolean;
  code?: string;
  /** Case ids already narrowed by an exact identifier search. */
  ids?: string[];
  limit: number;
  offset: number;
};

export async function listCases(db: Db, scope: SQL, f: ListFilter, now: Date) {
  const conds: SQL[] = [scope];
  if (f.status === "open_any") conds.push(sql`${cases.status} <> 'closed'`);
  else if (f.status) conds.push(sql`${cases.status} = ${f.status}`);
  if (f.traffickingStatus) conds.push(sql`${cases.traffickingStatus} = ${f.traffickingStatus}`);
  if (f.code) conds.push(sql`${cases.code} = ${f.code.toUpperCase()}`);
  if (f.ids) conds.push(f.ids.length ? inArray(cases.id, f.ids) : sql`false`);
  // Qualified by hand: in select fields drizzle renders `cases.id` as a bare "id", which inside these
  // subqueries resolves to the referral's or service's own id and counted nothing.
  const caseId = sql.raw(`"cases"."id"`);
  const overdueRefs = sql<number>`(SELECT count(*)::int FROM case_referrals r WHERE r.case_id = ${caseId} AND r.status = 'sent' AND r.respond_due_at <= ${now.toISOString()})`;
  const overdueSvcs = sql<number>`(SELECT count(*)::int FROM case_services s WHERE s.case_id = ${caseId} AND s.status IN ('planned', 'in_progress') AND s.due_date < ${jakartaDate(now)}::date)`;
  if (f.overdue !== undefined)
    conds.push(f.overdue ? sql`(${overdueRefs} > 0 OR ${overdueSvcs} > 0)` : sql`(${overdueRefs} = 0 AND ${overdueSvcs} = 0)`);
  const rows = await db
    .select({ c: cases, overdueReferrals: overdueRefs, overdueServices: overdueSvcs })
    .from(cases)
    .where(and(...conds))
    .orderBy(desc(cases.updatedAt), asc(cases.id))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map((r) => ({ c: r.c, overdueReferrals: Number(r.overdueReferrals), overdueServices: Number(r.overdueServices) }));
}

/**
 * What a case holds, each kind in its order: persons, events (by date), services, legal milestones, notes,
 * consents, referrals. One query at a time: `db` may be a transaction (reads are audited in one), a single connection.
 */
export async function caseRecordRows(db: Db, caseId: string) {
  const persons = await db.select().from(casePersons).where(eq(casePersons.caseId, caseId)).orderBy(asc(casePersons.createdAt));
  const events = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.dateFrom), asc(caseEvents.createdAt));
  const services = await db.select().from(caseServices).where(eq(caseServices.caseId, caseId)).orderBy(asc(caseServices.createdAt));
  const legal = await db
    .select()
    .from(caseLegalMilestones)
    .where(eq(caseLegalMilestones.caseId, caseId))
    .orderBy(asc(caseLegalMilestones.date));
  const notes = await db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId)).orderBy(asc(caseNotes.createdAt));
  const consents = await db.select().from(caseConsents).where(eq(caseConsents.caseId, caseId)).orderBy(asc(caseConsents.recordedAt));
  const referrals = await db.select().from(caseReferrals).where(eq(caseReferrals.caseId, caseId)).orderBy(asc(caseReferrals.sentAt));
  return { persons, events, services, legal, notes, consents, referrals };
}
