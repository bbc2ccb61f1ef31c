// Public reports, the module's public face: staff lists (coordinator queue, agency inbox), the audited
// read of one report and its attachments, and the entry points other modules use. The use cases live
// beside it: intake (reports.intake.ts), public lookup (reports.lookup.ts), triage and the state machine
// (reports.triage.ts), presentation (reports.present.ts), notifications (reports.notifications.ts) and
// report to case (reports.to-case.ts).
import { and, eq } from "drizzle-orm";
import type { AuditActor, Principal } from "../../auth/principal";
import type { Db } from "../../db/client";
import type { AppContext } from "../../context";
import { AppError } from "../../lib/errors";
import { searchIdentifiers } from "../../lib/identifiers";
import { AttachmentStore } from "../../lib/uploads/attachments";
import { readSealed } from "../../lib/uploads/uploads";
import { reportPolicy } from "./reports.policy";
import { type CaseVisibility, presentReport, summaryOf } from "./reports.present";
import { countReports, findReport, jurisdictionWhere, listReports, reportAccessOf, type ReportRow } from "./reports.repo";
import type { QueueQuery, ReportDetail, ReportSummary } from "./reports.schema";
import { type ReportStatus, reportAttachments } from "./reports.tables";
import { REPORT_STATUSES } from "../../../core/reports";
import { type ReportToCaseArgs, reportToCase } from "./reports.to-case";
import { readableReport, ReportTriage } from "./reports.triage";

export type { CaseOpener, ReportForCase } from "./reports.to-case";
export type { CaseVisibility } from "./reports.present";
export { sealLegacyReportText } from "./reports.text";

/** For the cases module: a report the caller may read (undefined when absent or out of scope), optionally locked. */
export async function findReadableReport(db: Db, p: Principal, id: string, lock = false): Promise<ReportRow | undefined> {
  const r = await findReport(db, p.tenant, id, lock);
  return r && reportPolicy.can(p, "read", await reportAccessOf(db, r)) ? r : undefined;
}

export type ReportCounts = { byStatus: Record<ReportStatus, number>; open: number; overdue: number };

/**
 * How many reports the caller's list holds per status, and how many are overdue: the coordinator's queue
 * (`queue`, GET /api/reports) or the agency's inbox (`inbox`, GET /api/reports/inbox), scoped as those lists are.
 */
export async function reportCounts(db: Db, p: Principal, view: "queue" | "inbox", now = new Date()): Promise<ReportCounts> {
  const rows =
    view === "queue"
      ? await countReports(db, p.tenant, jurisdictionWhere(p), undefined, now)
      : await countReports(db, p.tenant, undefined, p.agencyId ?? undefined, now);
  const byStatus = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  let overdue = 0;
  for (const r of rows) {
    byStatus[r.status] = r.n;
    overdue += r.overdue;
  }
  return {
    byStatus,
    open: REPORT_STATUSES.filter((s) => s !== "closed" && s !== "rejected").reduce((n, s) => n + byStatus[s], 0),
    overdue,
  };
}

export class ReportsService {
  readonly store: AttachmentStore;
  readonly triage: ReportTriage;
  constructor(
    private readonly ctx: AppContext,
    private readonly caseVisible: CaseVisibility,
  ) {
    this.store = new AttachmentStore(ctx.config.dataDir);
    this.triage = new ReportTriage(ctx, caseVisible);
  }

  /** The coordinator's queue: reports in the caller's jurisdiction. */
  queue(p: Principal, q: QueueQuery, now = new Date()): Promise<{ items: ReportSummary[]; total: number }> {
    return this.list(
      p,
      jurisdictionWhere(p),
      q,
      { identifierHashes: q.q ? searchIdentifiers(this.ctx.keys, q.q) : undefined, agencyId: q.agencyId },
      now,
    );
  }

  /** Reports forwarded to the operator's own agency, whatever the jurisdiction. */
  inbox(p: Principal, q: QueueQuery, now = new Date()): Promise<{ items: ReportSummary[]; total: number }> {
    return this.list(p, undefined, q, { agencyId: p.agencyId! }, now);
  }

  private async list(
    p: Principal,
    scope: Parameters<typeof listReports>[3],
    q: QueueQuery,
    extra: { identifierHashes?: string[]; agencyId?: string },
    now: Date,
  ): Promise<{ items: ReportSummary[]; total: number }> {
    const overdue = q.overdue === undefined ? undefined : q.overdue === "true";
    const filter = { status: q.status, category: q.category, kecamatan: q.kecamatan, overdue, q: q.q, limit: q.limit, offset: q.offset };
    const { rows, total } = await listReports(this.ctx.db, this.ctx.keys, p.tenant, scope, { ...filter, ...extra }, now);
    return { items: rows.map((row) => summaryOf(this.ctx.keys, row)), total };
  }

  async detail(p: Principal, actor: AuditActor, id: string, now = new Date()): Promise<ReportDetail> {
    // Reading a report shows personal data: the read is audited, in the same transaction.
    return this.ctx.withAudit(actor, { action: "report.read", resourceType: "report", resourceId: id }, async (tx) => {
      const { r, access } = await readableReport(tx, p, id);
      return presentReport(this.ctx.keys, tx, p, r, access, this.caseVisible, now);
    });
  }

  /** The plain (stripped) file of an attachment the principal may read (via the report); audited. */
  async attachment(
    p: Principal,
    actor: AuditActor,
    reportId: string,
    attachmentId: string,
  ): Promise<{ id: string; mediaType: string; data: Buffer }> {
    const a = await this.ctx.withAudit(
      actor,
      { action: "report.attachment.read", resourceType: "report", resourceId: reportId, details: { attachmentId } },
      async (tx) => {
        await readableReport(tx, p, reportId);
        const [row] = await tx
          .select()
          .from(reportAttachments)
          .where(and(eq(reportAttachments.id, attachmentId), eq(reportAttachments.reportId, reportId)));
        if (!row) throw new AppError("not_found");
        return row;
      },
    );
    return { id: a.id, mediaType: a.mediaType, data: await readSealed(this.store, this.ctx.keys, a) };
  }

  /** Opens a case from a report (see reports.to-case.ts); the cases module supplies `open`. */
  toCase(...args: ReportToCaseArgs): Promise<ReportDetail> {
    return reportToCase(this.triage, ...args);
  }
}

/** How a tracking code is written for people (other modules show report references this way). */
export { formatTrackingCode } from "./reports.tracking-code";
