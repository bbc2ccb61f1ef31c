// Queries for public reports. Access scope arrives as a WHERE fragment built from the principal.
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import type { Db } from "../../db/client";
import { findTenantRow } from "../../db/records";
import { agencies, users } from "../../db/schema";
import type { KeyRing } from "../../lib/crypto";
import type { ReportAccess } from "./reports.policy";
import { publicReports, reportAttachments, reportEvents, reportForwards, reportIdentifiers, type ReportStatus } from "./reports.tables";
import { sealNotes, textSearchWhere } from "./reports.text";

export type ReportRow = typeof publicReports.$inferSelect;

export { iso } from "../../lib/time";

const OPEN = sql`${publicReports.status} NOT IN ('closed', 'rejected')`;

// The outer report's id, always qualified: in a one-table select drizzle writes columns unqualified,
// and inside a subquery over report_forwards or report_attachments a bare "id" is *their* id.
const REPORT_ID = sql.raw(`"public_reports"."id"`);

/**
 * True when the report waits past its verification deadline or an agency's first-response deadline:
 * `next_due_at` is the earliest of those still open, kept by database triggers (migration 0017), so the
 * dashboard counts overdue reports from an index instead of probing report_forwards for every report.
 */
export const overdueExpr = (now: Date) => sql<boolean>`coalesce(${publicReports.nextDueAt} <= ${now.toISOString()}, false)`;

const linkedExpr = sql<number>`(SELECT count(DISTINCT o.report_id)::int FROM report_identifiers i
  JOIN report_identifiers o ON o.tenant = i.tenant AND o.hash = i.hash AND o.report_id <> i.report_id
  WHERE i.report_id = ${REPORT_ID})`;

const attachmentCountExpr = sql<number>`(SELECT count(*)::int FROM report_attachments a WHERE a.report_id = ${REPORT_ID})`;

/** The coordinator's jurisdiction as a WHERE fragment (null jurisdiction = the whole regency). */
export function jurisdictionWhere(p: Principal): SQL | undefined {
  if (p.jurisdiction === null) return undefined;
  if (p.jurisdiction.length === 0) return sql`false`;
  return sql`(${sql.join(
    p.jurisdiction.map((area) => sql`(${publicReports.regionCode} = ${area} OR ${publicReports.regionCode} LIKE ${`${area}.%`})`),
    sql` OR `,
  )})`;
}

export type QueueFilter = {
  status?: ReportStatus | "open";
  category?: string;
  kecamatan?: string;
  overdue?: boolean;
  q?: string;
  identifierHashes?: string[];
  agencyId?: string;
  limit: number;
  offset: number;
};

/** The WHERE of the caller's list before its filters: tenant, scope (jurisdiction) and the agency's forwards. */
function baseWhere(tenant: string, scope: SQL | undefined, agencyId: string | undefined): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [eq(publicReports.tenant, tenant), scope];
  if (agencyId) where.push(sql`EXISTS (SELECT 1 FROM report_forwards f WHERE f.report_id = ${REPORT_ID} AND f.agency_id = ${agencyId})`);
  return where;
}

/**
 * Counts per status and the overdue ones among them, over exactly the rows `listReports` would list with
 * the same scope and agency and no other filter (the dashboard's numbers; each links to that list).
 */
export async function countReports(db: Db, tenant: string, scope: SQL | undefined, agencyId: string | undefined, now: Date) {
  const rows = await db
    .select({
      status: publicReports.status,
      n: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${overdueExpr(now)})::int`,
    })
    .from(publicReports)
    .where(and(...baseWhere(tenant, scope, agencyId)))
    .groupBy(publicReports.status);
  return rows.map((r) => ({ status: r.status, n: Number(r.n), overdue: Number(r.overdue) }));
}

export async function listReports(db: Db, keys: KeyRing, tenant: string, scope: SQL | undefined, f: QueueFilter, now: Date) {
  const where = baseWhere(tenant, scope, f.agencyId);
  if (f.status === "open") where.push(OPEN);
  else if (f.status) where.push(eq(publicReports.status, f.status));
  if (f.category) where.push(sql`${publicReports.category} = ${f.category}`);
  if (f.kecamatan) where.push(eq(publicReports.kecamatanCode, f.kecamatan));
  if (f.overdue === true) where.push(overdueExpr(now));
  if (f.overdue === false) where.push(sql`NOT ${overdueExpr(now)}`);
  let words: SQL | null = null;
  if (f.q) {
    const ors: SQL[] = [];
    words = textSearchWhere(keys, publicReports.searchTokens, f.q);
    if (words) ors.push(words);
    const code = f.q.toUpperCase().replace(/[\s-]/g, "");
    if (/^[2-9A-HJ-NP-Z]{10}$/.test(code)) ors.push(sql`${publicReports.trackingCode} = ${code}`);
    if (f.identifierHashes?.length)
      ors.push(
        // An array (an init plan), not IN (a subplan), so the OR can be a bitmap OR of indexes with the token search.
        sql`${publicReports.id} = ANY(ARRAY(SELECT report_id FROM report_identifiers WHERE tenant = ${tenant} AND ${inArray(reportIdentifiers.hash, f.identifierHashes)}))`,
      );
    where.push(ors.length ? sql`(${sql.join(ors, sql` OR `)})` : sql`false`);
  }
  const cond = and(...where);
  // The planner prices `search_tokens @> …` like a cheap operator and scans the whole table for a common word,
  // testing each row's ~200 tokens (measured: 5 to 10 times slower than the GIN index); a word search
  // therefore runs with sequential scans priced out (bench/report-search.ts).
  if (words)
    return db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return page(tx, cond, f, now);
    });
  return page(db, cond, f, now);
}

async function page(db: Db, cond: SQL | undefined, f: QueueFilter, now: Date) {
  const rows = await db
    .select({
      r: {
        id: publicReports.id,
        trackingCode: publicReports.trackingCode,
        category: publicReports.category,
        status: publicReports.status,
        descriptionEnc: publicReports.descriptionEnc,
        description: publicReports.description,
        regionCode: publicReports.regionCode,
        kecamatanCode: publicReports.kecamatanCode,
        placeTextEnc: publicReports.placeTextEnc,
        placeText: publicReports.placeText,
        receivedAt: publicReports.receivedAt,
        verifyDueAt: publicReports.verifyDueAt,
      },
      overdue: overdueExpr(now),
      nextDueAt: publicReports.nextDueAt,
      linked: linkedExpr,
      attachments: attachmentCountExpr,
    })
    .from(publicReports)
    .where(cond)
    .orderBy(sql`${overdueExpr(now)} DESC`, sql`${publicReports.nextDueAt} ASC NULLS LAST`, desc(publicReports.receivedAt))
    .limit(f.limit)
    .offset(f.offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(publicReports).where(cond);
  return { rows, total: Number(total) };
}

export function findReport(db: Db, tenant: string, id: string, forUpdate = false): Promise<ReportRow | undefined> {
  return findTenantRow(db, publicReports, tenant, id, forUpdate);
}

/** What the report policy needs to decide about one report: its place and the agencies it is forwarded to. */
export async function reportAccessOf(db: Db, r: Pick<ReportRow, "id" | "regionCode">): Promise<ReportAccess> {
  const fw = await db
    .select({ agencyId: reportForwards.agencyId, shareContact: reportForwards.shareContact })
    .from(reportForwards)
    .where(eq(reportForwards.reportId, r.id));
  return { regionCode: r.regionCode, forwards: fw };
}

export async function forwardsOf(db: Db, reportId: string) {
  return db
    .select({ f: reportForwards, agency: { id: agencies.id, name: agencies.name, code: agencies.code } })
    .from(reportForwards)
    .innerJoin(agencies, eq(agencies.id, reportForwards.agencyId))
    .where(eq(reportForwards.reportId, reportId))
    .orderBy(asc(reportForwards.forwardedAt), asc(agencies.name));
}

export async function eventsOf(db: Db, reportId: string) {
  return db
    .select({
      e: reportEvents,
      actor: users.displayName,
      agency: { id: agencies.id, name: agencies.name },
    })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.actorUserId))
    .leftJoin(agencies, eq(agencies.id, reportEvents.agencyId))
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
}

export async function attachmentsOf(db: Db, reportId: string) {
  return db
    .select({
      id: reportAttachments.id,
      mediaType: reportAttachments.mediaType,
      size: reportAttachments.size,
      stripped: reportAttachments.stripped,
      sha256: reportAttachments.sha256,
    })
    .from(reportAttachments)
    .where(eq(reportAttachments.reportId, reportId))
    .orderBy(asc(reportAttachments.createdAt));
}

/** Earlier and later reports that share an identifier hash with this one. */
export async function linksOf(db: Db, tenant: string, reportId: string) {
  return db
    .select({
      reportId: publicReports.id,
      trackingCode: publicReports.trackingCode,
      status: publicReports.status,
      receivedAt: publicReports.receivedAt,
      kinds: sql<string[]>`array_agg(DISTINCT o.kind)`,
    })
    .from(sql`report_identifiers i`)
    .innerJoin(sql`report_identifiers o`, sql`o.tenant = i.tenant AND o.hash = i.hash AND o.report_id <> i.report_id`)
    .innerJoin(publicReports, sql`${publicReports.id} = o.report_id`)
    .where(sql`i.report_id = ${reportId} AND i.tenant = ${tenant}`)
    .groupBy(publicReports.id, publicReports.trackingCode, publicReports.status, publicReports.receivedAt)
    .orderBy(desc(publicReports.receivedAt))
    .limit(100);
}

/** Appends a timeline event; its notes are sealed. */
export async function insertEvent(
  tx: Db,
  keys: KeyRing,
  e: {
    tenant: string;
    reportId: string;
    kind: (typeof reportEvents.$inferInsert)["kind"];
    status?: ReportStatus | null;
    actorUserId?: string | null;
    agencyId?: string | null;
    publicNote?: string | null;
    internalNote?: string | null;
    details?: Record<string, unknown>;
    at?: Date;
  },
): Promise<void> {
  await tx.insert(reportEvents).values({
    tenant: e.tenant,
    reportId: e.reportId,
    kind: e.kind,
    status: e.status ?? null,
    actorUserId: e.actorUserId ?? null,
    agencyId: e.agencyId ?? null,
    ...sealNotes(keys, e),
    details: e.details ?? {},
    ...(e.at ? { at: e.at } : {}),
  });
}
