// Queries of the coordination module. Every query is scoped to the tenant; services add the caller's scope.
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { todayWib } from "../../../core/coordination";
import type { Db } from "../../db/client";
import { findTenantRow } from "../../db/records";
import { agencies, users } from "../../db/schema";
import { actionItems, decisions, meetingAttendance, meetings } from "./coordination.tables";

export type ActionItemRow = typeof actionItems.$inferSelect & {
  meetingTitle: string;
  ownerAgencyName: string;
  ownerUserName: string | null;
};

/** Not done or dropped, and the due date (WIB) has passed. */
export function overdueWhere(now: Date): SQL {
  return and(inArray(actionItems.status, ["open", "in_progress"]), sql`${actionItems.dueDate} < ${todayWib(now)}::date`)!;
}

export function isOverdue(row: { status: string; dueDate: string }, now: Date): boolean {
  return (row.status === "open" || row.status === "in_progress") && row.dueDate < todayWib(now);
}

/** Items owned by the caller's agency or naming the caller as owner. */
export function ownedBy(agencyId: string | null, userId: string): SQL {
  return agencyId ? or(eq(actionItems.ownerAgencyId, agencyId), eq(actionItems.ownerUserId, userId))! : eq(actionItems.ownerUserId, userId);
}

export async function selectActionItems(db: Db, tenant: string, where: SQL | undefined): Promise<ActionItemRow[]> {
  return db
    .select({
      item: actionItems,
      meetingTitle: meetings.title,
      ownerAgencyName: agencies.name,
      ownerUserName: users.displayName,
    })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .innerJoin(agencies, eq(agencies.id, actionItems.ownerAgencyId))
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(and(eq(actionItems.tenant, tenant), where))
    .orderBy(asc(actionItems.dueDate), asc(actionItems.createdAt))
    .limit(500)
    .then((rows) =>
      rows.map((r) => ({ ...r.item, meetingTitle: r.meetingTitle, ownerAgencyName: r.ownerAgencyName, ownerUserName: r.ownerUserName })),
    );
}

export function findMeeting(db: Db, tenant: string, id: string) {
  return findTenantRow(db, meetings, tenant, id);
}

/** Agencies owning an action item of the meeting (they read the meeting too). */
export async function ownerAgencyIdsOf(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ id: actionItems.ownerAgencyId }).from(actionItems).where(eq(actionItems.meetingId, meetingId));
  return rows.map((r) => r.id);
}

export async function attendanceOf(db: Db, meetingId: string) {
  return db
    .select({
      agencyId: meetingAttendance.agencyId,
      agencyName: agencies.name,
      present: meetingAttendance.present,
      headcount: meetingAttendance.headcount,
    })
    .from(meetingAttendance)
    .innerJoin(agencies, eq(agencies.id, meetingAttendance.agencyId))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(agencies.name));
}

export async function decisionsOf(db: Db, meetingId: string) {
  return db.select().from(decisions).where(eq(decisions.meetingId, meetingId)).orderBy(asc(decisions.seq));
}

export async function agencyNames(db: Db, tenant: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.tenant, tenant), inArray(agencies.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active accounts of an agency (reminder recipients when an item names no person). */
export async function activeUsersOf(db: Db, tenant: string, agencyId: string) {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.tenant, tenant), eq(users.agencyId, agencyId), isNull(users.disabledAt)));
}
