// Staff handling of a report, the state machine: verify, reject, forward (agency operators notified),
// agency response, notes, close and reopen. Every change writes a timeline event and its audit record
// in one transaction; a report outside the caller's scope answers 404.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { AuditActor, Principal } from "../../auth/principal";
import type { Db } from "../../db/client";
import { agencies } from "../../db/schema";
import type { AppContext } from "../../context";
import { Deadlines } from "../../lib/deadlines";
import { AppError, type FieldIssue, invalid } from "../../lib/errors";
import { notifyForwarded } from "./reports.notifications";
import { type ReportAccess, reportPolicy } from "./reports.policy";
import { type CaseVisibility, presentReport } from "./reports.present";
import { findReport, insertEvent, reportAccessOf, type ReportRow } from "./reports.repo";
import type { ReportDetail } from "./reports.schema";
import { publicReports, reportForwards, type ReportStatus } from "./reports.tables";
import type { REPORT_OUTCOMES } from "../../../core/reports";

/** Loads a report the principal may read, or answers 404 (out of scope looks like absent). */
export async function readableReport(db: Db, p: Principal, id: string, forUpdate = false): Promise<{ r: ReportRow; access: ReportAccess }> {
  const r = await findReport(db, p.tenant, id, forUpdate);
  if (!r) throw new AppError("not_found");
  const access = await reportAccessOf(db, r);
  if (!reportPolicy.can(p, "read", access)) throw new AppError("not_found");
  return { r, access };
}

export class ReportTriage {
  readonly deadlines: Deadlines;
  constructor(
    private readonly ctx: AppContext,
    private readonly caseVisible: CaseVisibility,
  ) {
    this.deadlines = new Deadlines(ctx.config.holidaysExtra);
  }

  get keys() {
    return this.ctx.keys;
  }

  /**
   * One state change: the report locked and readable by the caller, `fn` applied, the change audited as
   * `report.<action>` in the same transaction, and the fresh report presented to the caller.
   */
  async change(
    p: Principal,
    actor: AuditActor,
    id: string,
    action: string,
    details: Record<string, unknown>,
    fn: (tx: Db, r: ReportRow, access: ReportAccess) => Promise<void>,
    now: Date,
  ): Promise<ReportDetail> {
    return this.ctx.withAudit(actor, { action: `report.${action}`, resourceType: "report", resourceId: id, details }, async (tx) => {
      const { r, access } = await readableReport(tx, p, id, true);
      await fn(tx, r, access);
      const fresh = (await findReport(tx, p.tenant, id))!;
      return presentReport(this.ctx.keys, tx, p, fresh, await reportAccessOf(tx, fresh), this.caseVisible, now);
    });
  }

  setStatus(tx: Db, r: ReportRow, patch: Partial<typeof publicReports.$inferInsert>, now: Date) {
    return tx
      .update(publicReports)
      .set({ ...patch, updatedAt: now })
      .where(eq(publicReports.id, r.id));
  }

  need(ok: boolean): void {
    if (!ok) throw new AppError("invalid_transition");
  }

  verify(p: Principal, actor: AuditActor, id: string, body: { publicNote?: string; internalNote?: string }, now = new Date()) {
    return this.change(
      p,
      actor,
      id,
      "verify",
      {},
      async (tx, r, access) => {
        reportPolicy.authorize(p, "triage", access);
        this.need(r.status === "received");
        await this.setStatus(tx, r, { status: "verified", verifiedAt: now }, now);
        await insertEvent(tx, this.ctx.keys, {
          tenant: r.tenant,
          reportId: r.id,
          kind: "verified",
          status: "verified",
          actorUserId: p.id,
          at: now,
          ...body,
        });
      },
      now,
    );
  }

  reject(p: Principal, actor: AuditActor, id: string, body: { reason: string; publicNote?: string }, now = new Date()) {
    return this.change(
      p,
      actor,
      id,
      "reject",
      {},
      async (tx, r, access) => {
        reportPolicy.authorize(p, "triage", access);
        this.need(r.status === "received" || r.status === "verified");
        await this.setStatus(tx, r, { status: "rejected", closedAt: now }, now);
        await insertEvent(tx, this.ctx.keys, {
          tenant: r.tenant,
          reportId: r.id,
          kind: "rejected",
          status: "rejected",
          actorUserId: p.id,
          internalNote: body.reason,
          publicNote: body.publicNote,
          at: now,
        });
      },
      now,
    );
  }

  forward(
    p: Principal,
    actor: AuditActor,
    id: string,
    body: { agencyIds: string[]; instruction: string; shareContact: boolean; publicNote?: string },
    now = new Date(),
  ) {
    const agencyIds = [...new Set(body.agencyIds)];
    return this.change(
      p,
      actor,
      id,
      "forward",
      { agencyIds, shareContact: body.shareContact },
      async (tx, r, access) => {
        reportPolicy.authorize(p, "triage", access);
        this.need(r.status === "verified" || r.status === "forwarded" || r.status === "in_handling");
        const known = await tx
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.tenant, p.tenant), inArray(agencies.id, agencyIds), eq(agencies.active, true)));
        const knownIds = new Set(known.map((a) => a.id));
        const bad: Record<string, FieldIssue> = {};
        body.agencyIds.forEach((a, i) => {
          if (!knownIds.has(a)) bad[`agencyIds.${i}`] ??= { code: "agency_unknown" };
        });
        if (Object.keys(bad).length) throw invalid(bad);
        const due = this.deadlines.responseDue(now);
        for (const agencyId of agencyIds) {
          // Forwarding again to the same agency (after a reopen, or with a new instruction) restarts its clock.
          await tx
            .insert(reportForwards)
            .values({
              tenant: r.tenant,
              reportId: r.id,
              agencyId,
              instruction: body.instruction,
              shareContact: body.shareContact,
              forwardedAt: now,
              forwardedBy: p.id,
              responseDueAt: due,
            })
            .onConflictDoUpdate({
              target: [reportForwards.reportId, reportForwards.agencyId],
              set: {
                instruction: body.instruction,
                shareContact: body.shareContact,
                forwardedAt: now,
                forwardedBy: p.id,
                responseDueAt: due,
                firstResponseAt: null,
                escalatedAt: null,
              },
            });
          await insertEvent(tx, this.ctx.keys, {
            tenant: r.tenant,
            reportId: r.id,
            kind: "forwarded",
            status: "forwarded",
            actorUserId: p.id,
            agencyId,
            internalNote: body.instruction,
            publicNote: body.publicNote,
            at: now,
          });
        }
        await this.setStatus(tx, r, { status: r.status === "in_handling" ? "in_handling" : "forwarded" }, now);
        await notifyForwarded(this.ctx, tx, r, agencyIds, due, now);
      },
      now,
    );
  }

  respond(p: Principal, actor: AuditActor, id: string, body: { internalNote?: string; publicNote?: string }, now = new Date()) {
    return this.change(
      p,
      actor,
      id,
      "respond",
      { agencyId: p.agencyId },
      async (tx, r, access) => {
        reportPolicy.authorize(p, "respond", access);
        this.need(r.status === "forwarded" || r.status === "in_handling");
        await tx
          .update(reportForwards)
          .set({ firstResponseAt: now })
          .where(and(eq(reportForwards.reportId, r.id), eq(reportForwards.agencyId, p.agencyId!), isNull(reportForwards.firstResponseAt)));
        await this.setStatus(tx, r, { status: "in_handling" }, now);
        await insertEvent(tx, this.ctx.keys, {
          tenant: r.tenant,
          reportId: r.id,
          kind: "agency_response",
          status: "in_handling",
          actorUserId: p.id,
          agencyId: p.agencyId,
          at: now,
          ...body,
        });
      },
      now,
    );
  }

  note(p: Principal, actor: AuditActor, id: string, body: { note: string; visibility: "internal" | "public" }, now = new Date()) {
    return this.change(
      p,
      actor,
      id,
      "note",
      { visibility: body.visibility },
      async (tx, r, access) => {
        reportPolicy.authorize(p, "note", access);
        const asAgency = !reportPolicy.can(p, "triage", access);
        await insertEvent(tx, this.ctx.keys, {
          tenant: r.tenant,
          reportId: r.id,
          kind: "note",
          actorUserId: p.id,
          agencyId: asAgency ? p.agencyId : null,
          at: now,
          ...(body.visibility === "public" ? { publicNote: body.note } : { internalNote: body.note }),
        });
        await this.setStatus(tx, r, {}, now);
      },
      now,
    );
  }

  close(
    p: Principal,
    actor: AuditActor,
    id: string,
    body: { outcome: (typeof REPORT_OUTCOMES)[number]; publicNote?: string; internalNote?: string },
    now = new Date(),
  ) {
    return this.change(
      p,
      actor,
      id,
      "close",
      { outcome: body.outcome },
      async (tx, r, access) => {
        reportPolicy.authorize(p, "triage", access);
        this.need(r.status !== "closed" && r.status !== "rejected");
        await this.setStatus(tx, r, { status: "closed", closedAt: now, outcome: body.outcome }, now);
        await insertEvent(tx, this.ctx.keys, {
          tenant: r.tenant,
          reportId: r.id,
          kind: "closed",
          status: "closed",
          actorUserId: p.id,
          publicNote: body.publicNote,
          internalNote: body.internalNote,
          details: { outcome: body.outcome },
          at: now,
        });
      },
      now,
    );
  }

  reopen(p: Principal, actor: AuditActor, id: string, body: { reason: string }, now = new Date()) {
    return this.change(
      p,
      actor,
      id,
      "reopen",
      {},
      async (tx, r, access) => {
        reportPolicy.authorize(p, "triage", access);
        this.need(r.status === "closed" || r.status === "rejected");
        const hasForwards = access.forwards.length > 0;
        // Back to where work stopped: handling continues with the agencies, or verification starts again.
        const status: ReportStatus = r.verifiedAt ? (hasForwards ? "in_handling" : "verified") : "received";
        await this.setStatus(
          tx,
          r,
          {
            status,
            closedAt: null,
            outcome: null,
            ...(status === "received" ? { verifyDueAt: this.deadlines.verifyDue(now), verifyEscalatedAt: null } : {}),
          },
          now,
        );
        await insertEvent(tx, this.ctx.keys, {
          tenant: r.tenant,
          reportId: r.id,
          kind: "reopened",
          status,
          actorUserId: p.id,
          internalNote: body.reason,
          at: now,
        });
      },
      now,
    );
  }
}
