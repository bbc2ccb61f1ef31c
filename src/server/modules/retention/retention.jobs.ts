// The daily retention run: personal fields of records past their period (config.retention) are erased,
// the statistical skeleton stays, records under a legal hold are skipped. One audit record per batch
// with counts and record ids (no personal data). Safe to overlap: candidates are claimed with SKIP LOCKED
// and a record already marked in retention_erasures is never chosen again.
import { sql } from "drizzle-orm";
import type { AppContext } from "../../context";
import { type Db, rowsOf } from "../../db/client";
import type { Job } from "../../jobs/jobs";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { notifications } from "../notifications/notifications.tables";
import { outreachSessionPhotos } from "../outreach/outreach.tables";
import {
  eraseCase,
  eraseReport,
  eraseScreening,
  type Erasure,
  type FileRemovals,
  NOT_ERASED,
  PHOTO_FILES,
  removeFiles,
} from "./retention.erase";

const BATCH = 200;
const DAY_MS = 86_400_000;

export type RetentionCounts = { reports: number; cases: number; screenings: number; photos: number; notifications: number; held: number };

const cutoffOf = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** Runs every class until nothing is left past its period; answers what it erased. */
export async function runRetention(ctx: AppContext, now: Date): Promise<RetentionCounts> {
  const total: RetentionCounts = { reports: 0, cases: 0, screenings: 0, photos: 0, notifications: 0, held: 0 };
  for (let first = true; ; first = false) {
    const files: FileRemovals = new Map();
    const n = await ctx.withAudit(
      SYSTEM_ACTOR,
      (r: BatchResult) => ({
        action: "retention.erase",
        resourceType: "retention",
        details: { ...r.counts, reportIds: r.reportIds, caseIds: r.caseIds, screeningIds: r.screeningIds, periods: ctx.config.retention },
      }),
      (tx) => retentionBatch(ctx, tx, now, files, first),
    );
    await removeFiles(ctx.db, ctx.config.dataDir, files);
    for (const k of Object.keys(total) as (keyof RetentionCounts)[]) total[k] += n.counts[k];
    const { held: _held, ...erased } = n.counts;
    if (Object.values(erased).every((v) => v < BATCH)) return total;
  }
}

type BatchResult = { counts: RetentionCounts; reportIds: string[]; caseIds: string[]; screeningIds: string[] };

/** Held: the case has an active legal hold; a report, when its case (or a case it is linked to) has one. */
const CASE_HELD = sql`EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = c.id AND h.released_at IS NULL)`;
const REPORT_HELD = sql`EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL
  AND (h.case_id = r.case_id OR h.case_id IN (SELECT cr.case_id FROM case_reports cr WHERE cr.report_id = r.id)))`;

async function countOf(tx: Db, query: ReturnType<typeof sql>): Promise<number> {
  return rowsOf<{ n: number }>(await tx.execute(query))[0]?.n ?? 0;
}

/** `first`: the run's first batch also counts the held records past their period (for the audit record). */
async function retentionBatch(ctx: AppContext, tx: Db, now: Date, files: FileRemovals, first: boolean): Promise<BatchResult> {
  const tenant = ctx.config.regency;
  const p = ctx.config.retention;
  const e: Erasure = { tenant, cause: "retention", files };
  const counts: RetentionCounts = { reports: 0, cases: 0, screenings: 0, photos: 0, notifications: 0, held: 0 };

  // Reports: closed (or rejected) long enough ago. A period of 0 keeps that class.
  const reportWhere = [
    p.reportClosedDays > 0 ? sql`(status = 'closed' AND closed_at < ${cutoffOf(now, p.reportClosedDays)})` : null,
    p.reportRejectedDays > 0 ? sql`(status = 'rejected' AND closed_at < ${cutoffOf(now, p.reportRejectedDays)})` : null,
  ].filter((x) => x !== null);
  let reportIds: string[] = [];
  if (reportWhere.length) {
    const due = sql`r.tenant = ${tenant} AND (${sql.join(reportWhere, sql` OR `)}) AND ${NOT_ERASED("report", sql`r.id`)}`;
    reportIds = rowsOf<{ id: string }>(
      await tx.execute(sql`SELECT r.id FROM public_reports r WHERE ${due} AND NOT ${REPORT_HELD}
        ORDER BY r.closed_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`),
    ).map((r) => r.id);
    if (first) counts.held += await countOf(tx, sql`SELECT count(*)::int AS n FROM public_reports r WHERE ${due} AND ${REPORT_HELD}`);
    for (const id of reportIds) await eraseReport(tx, e, id);
  }

  let caseIds: string[] = [];
  if (p.caseClosedDays > 0) {
    const due = sql`c.tenant = ${tenant} AND c.status = 'closed' AND c.closed_at < ${cutoffOf(now, p.caseClosedDays)}
      AND ${NOT_ERASED("case", sql`c.id`)}`;
    caseIds = rowsOf<{ id: string }>(
      await tx.execute(
        sql`SELECT c.id FROM cases c WHERE ${due} AND NOT ${CASE_HELD} ORDER BY c.closed_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      ),
    ).map((r) => r.id);
    if (first) counts.held += await countOf(tx, sql`SELECT count(*)::int AS n FROM cases c WHERE ${due} AND ${CASE_HELD}`);
    for (const id of caseIds) await eraseCase(tx, e, id);
  }

  let screeningIds: string[] = [];
  if (p.screeningDays > 0) {
    // Only interviews whose decision stands; one still in review waits for its reviewer.
    screeningIds = rowsOf<{ id: string }>(
      await tx.execute(sql`SELECT s.id FROM screenings s WHERE s.tenant = ${tenant} AND s.status IN ('decided', 'final')
        AND s.interviewed_at < ${cutoffOf(now, p.screeningDays)} AND ${NOT_ERASED("screening", sql`s.id`)}
        ORDER BY s.interviewed_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`),
    ).map((r) => r.id);
    for (const id of screeningIds) await eraseScreening(tx, ctx.keys, e, id, true);
  }

  if (p.outreachPhotoDays > 0) {
    const gone = await tx
      .delete(outreachSessionPhotos)
      .where(
        sql`${outreachSessionPhotos.id} IN (SELECT id FROM outreach_session_photos WHERE tenant = ${tenant}
          AND created_at < ${cutoffOf(now, p.outreachPhotoDays)} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
      )
      .returning({ sha: outreachSessionPhotos.sha256 });
    counts.photos = gone.length;
    if (gone.length) files.set(PHOTO_FILES, new Set(gone.map((g) => g.sha)));
  }

  if (p.notificationDays > 0) {
    const gone = await tx
      .delete(notifications)
      .where(
        sql`${notifications.id} IN (SELECT id FROM notifications WHERE tenant = ${tenant} AND email_status <> 'pending'
          AND created_at < ${cutoffOf(now, p.notificationDays)} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
      )
      .returning({ id: notifications.id });
    counts.notifications = gone.length;
  }

  counts.reports = reportIds.length;
  counts.cases = caseIds.length;
  counts.screenings = screeningIds.length;
  return { counts, reportIds, caseIds, screeningIds };
}

export function retentionJobs(ctx: AppContext): Job[] {
  return [{ name: "retention.erase-expired", intervalMs: DAY_MS, run: (now) => runRetention(ctx, now) }];
}
