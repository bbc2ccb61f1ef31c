// Queries of the screening module. Every function takes the tenant; callers scope further by policy.
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { agencies, regions, users } from "../../db/schema";
import type { Db } from "../../db/client";
import { findTenantRow } from "../../db/records";
import type { ListQuery } from "./screening.schema";
import { screeningReferrals, screeningReviews, screeningVisits, screenings } from "./screening.tables";

export type ScreeningRow = typeof screenings.$inferSelect;
export type ReviewRow = typeof screeningReviews.$inferSelect;

export function findScreening(db: Db, tenant: string, id: string): Promise<ScreeningRow | undefined> {
  return findTenantRow(db, screenings, tenant, id);
}

export async function reviewsOf(db: Db, screeningIds: string[]): Promise<ReviewRow[]> {
  if (screeningIds.length === 0) return [];
  return db
    .select()
    .from(screeningReviews)
    .where(inArray(screeningReviews.screeningId, screeningIds))
    .orderBy(asc(screeningReviews.createdAt));
}

/** Jakarta calendar day bounds as timestamps (inclusive from, inclusive to). */
function dayBounds(from?: string, to?: string) {
  return [
    from ? gte(screenings.interviewedAt, sql`(${from}::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`) : undefined,
    to ? lt(screenings.interviewedAt, sql`((${to}::date + 1)::timestamp) AT TIME ZONE 'Asia/Jakarta'`) : undefined,
  ];
}

export async function listScreenings(
  db: Db,
  tenant: string,
  officeAgencyId: string | null,
  q: ListQuery & { nikHash?: string },
  reviewQueueFor?: string,
) {
  const where = and(
    eq(screenings.tenant, tenant),
    officeAgencyId ? eq(screenings.officeAgencyId, officeAgencyId) : undefined,
    q.status ? eq(screenings.status, q.status) : undefined,
    q.decision ? eq(screenings.finalDecision, q.decision) : undefined,
    q.code ? eq(screenings.code, q.code.toUpperCase()) : undefined,
    q.nikHash ? eq(screenings.nikHash, q.nikHash) : undefined,
    ...dayBounds(q.from, q.to),
    reviewQueueFor
      ? sql`(${screenings.status} IN ('awaiting_review', 'awaiting_tiebreak') AND ${screenings.officerId} <> ${reviewQueueFor}
          AND NOT EXISTS (SELECT 1 FROM ${screeningReviews} r WHERE r.screening_id = ${screenings.id} AND r.reviewer_id = ${reviewQueueFor}))`
      : undefined,
  );
  const [rows, [total]] = [
    await db
      .select({ s: screenings, officerName: users.displayName, desaName: regions.name })
      .from(screenings)
      .innerJoin(users, eq(users.id, screenings.officerId))
      .leftJoin(regions, eq(regions.code, screenings.desaCode))
      .where(where)
      .orderBy(desc(screenings.interviewedAt))
      .limit(q.limit)
      .offset(q.offset),
    await db.select({ n: sql<number>`count(*)::int` }).from(screenings).where(where),
  ];
  return { rows, total: total?.n ?? 0 };
}

export async function followupsOf(db: Db, screeningId: string) {
  const referrals = await db
    .select({ r: screeningReferrals, agencyName: agencies.name })
    .from(screeningReferrals)
    .innerJoin(agencies, eq(agencies.id, screeningReferrals.agencyId))
    .where(eq(screeningReferrals.screeningId, screeningId))
    .orderBy(asc(screeningReferrals.createdAt));
  const visits = await db
    .select({ v: screeningVisits, assigneeName: users.displayName })
    .from(screeningVisits)
    .innerJoin(users, eq(users.id, screeningVisits.assigneeId))
    .where(eq(screeningVisits.screeningId, screeningId))
    .orderBy(asc(screeningVisits.createdAt));
  return { referrals, visits };
}

export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function regionName(db: Db, code: string | null): Promise<string | null> {
  if (!code) return null;
  const [r] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return r?.name ?? null;
}
