// Referrals between agencies: sent → accepted | rejected → completed; revoked by the sender.
// Sending needs the victim's recorded consent to share with the receiving agency, or a documented
// override by an authorised role. Acceptance gives the assigned user access scoped to the referral.
// An answer is due within 2 working days (Asia/Jakarta, national holidays and cuti bersama excluded).
import { and, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { holidayDates } from "../../../core/holidays-id";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { agencies, users } from "../../db/schema";
import { AppError, invalid, notFound } from "../../lib/errors";
import { addWorkingDays, jakartaDate } from "../../lib/working-days";
import type { AuditActor } from "../audit/audit.service";
import { type NewNotification, notify, notifyUsers } from "../notifications/notifications.service";
import { sealText } from "./cases.persons";
import { type CaseAccess, casePolicy, isCaseWorker, referralAbilities, referralPolicy, referralRelation } from "./cases.policy";
import { presentReferrals } from "./cases.present";
import { accessTo, findCase } from "./cases.repo";
import type { ReferralView } from "./cases.schema";
import type { CaseService } from "./cases.service";
import { caseConsents, caseReferrals, caseServices, cases } from "./cases.tables";
import type { REFERRAL_REASONS } from "../../../core/cases";

export const REFERRAL_ANSWER_WORKING_DAYS = 2;

export type ReferralCreate = {
  scope: "case" | "service";
  serviceId?: string;
  toAgencyId: string;
  assignedUserId?: string;
  reason: (typeof REFERRAL_REASONS)[number];
  details?: string;
  /** Sharing without recorded consent: why (kept encrypted, audited). */
  overrideReason?: string;
};

type ReferralRow = typeof caseReferrals.$inferSelect;

/** The latest consent to share the case with `agencyId` that is given and not withdrawn. */
export async function sharingConsent(db: Db, caseId: string, agencyId: string): Promise<string | undefined> {
  const [c] = await db
    .select({ id: caseConsents.id, given: caseConsents.given })
    .from(caseConsents)
    .where(
      and(
        eq(caseConsents.caseId, caseId),
        eq(caseConsents.purpose, "share_with_agency"),
        eq(caseConsents.agencyId, agencyId),
        isNull(caseConsents.withdrawnAt),
      ),
    )
    .orderBy(desc(caseConsents.recordedAt))
    .limit(1);
  return c?.given ? c.id : undefined;
}

/** Stored on a referral ended because the victim no longer consents to sharing with the receiving agency. */
export const CONSENT_WITHDRAWN_REASON = "Persetujuan korban untuk berbagi data dengan instansi ini ditarik.";

/**
 * Called after a `share_with_agency` consent for `agencyId` is withdrawn or refused. When no consent to
 * share with that agency remains, every consent-based referral to it that is still sent or accepted is
 * revoked at once (access of the assigned user ends with it), with the reason on the referral, an audit
 * record per referral, and a notification to the sender, the case owner and the assigned user (case code
 * and agency name only). Referrals sent under a documented override never rested on consent and stay.
 */
export async function enforceSharingConsent(
  ctx: AppContext,
  tx: Db,
  actor: AuditActor,
  c: { id: string; tenant: string; code: string; ownerId: string },
  agencyId: string,
  now: Date,
): Promise<string[]> {
  if (await sharingConsent(tx, c.id, agencyId)) return [];
  const ended = await tx
    .update(caseReferrals)
    .set({ status: "revoked", revokedAt: now, revokeReason: CONSENT_WITHDRAWN_REASON })
    .where(
      and(
        eq(caseReferrals.caseId, c.id),
        eq(caseReferrals.toAgencyId, agencyId),
        inArray(caseReferrals.status, ["sent", "accepted"]),
        sql`${caseReferrals.consentId} IS NOT NULL`,
      ),
    )
    .returning({
      id: caseReferrals.id,
      status: caseReferrals.status,
      fromUserId: caseReferrals.fromUserId,
      assignedUserId: caseReferrals.assignedUserId,
    });
  if (ended.length === 0) return [];
  const [agency] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
  const to = new Set<string>([c.ownerId]);
  for (const r of ended) {
    await ctx.audit.write(tx, actor, {
      action: "referral.consent_withdrawn",
      resourceType: "referral",
      resourceId: r.id,
      details: { caseId: c.id, toAgencyId: agencyId },
    });
    to.add(r.fromUserId);
    if (r.assignedUserId) to.add(r.assignedUserId);
  }
  if (actor.userId) to.delete(actor.userId);
  const recipients = to.size
    ? await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(inArray(users.id, [...to]), isNull(users.disabledAt)))
    : [];
  const name = agency?.name ?? "";
  const out: NewNotification[] = recipients.map((u) => ({
    tenant: c.tenant,
    userId: u.id,
    email: u.email,
    kind: "case.referral_consent_withdrawn",
    resourceType: "case",
    resourceId: c.id,
    title: `Rujukan kasus ${c.code} ke ${name} dicabut`,
    body: `Persetujuan korban untuk berbagi data dengan ${name} ditarik. Rujukan kasus ${c.code} ke ${name} dicabut dan akses ${name} ke kasus ini berakhir.`,
  }));
  await notify(ctx, tx, out, now);
  return ended.map((r) => r.id);
}

export class ReferralService {
  readonly holidays: ReadonlySet<string>;
  constructor(private readonly cases: CaseService) {
    this.holidays = holidayDates(cases.ctx.config.holidaysExtra);
  }
  private get ctx(): AppContext {
    return this.cases.ctx;
  }

  answerDue(sentAt: Date): Date {
    return addWorkingDays(sentAt, REFERRAL_ANSWER_WORKING_DAYS, this.holidays);
  }

  async create(p: Principal, actor: AuditActor, caseId: string, input: ReferralCreate, now = new Date()): Promise<ReferralView> {
    if (input.scope === "service" && !input.serviceId) throw invalid({ serviceId: { code: "required" } });
    const row = await this.cases.inCase(
      p,
      actor,
      caseId,
      "referral.send",
      "refer",
      async (tx, c, a) => {
        const [agency] = await tx
          .select({ id: agencies.id, active: agencies.active })
          .from(agencies)
          .where(and(eq(agencies.id, input.toAgencyId), eq(agencies.tenant, p.tenant)));
        if (!agency?.active) throw invalid({ toAgencyId: { code: "agency_unknown" } });
        if (input.serviceId) {
          const [svc] = await tx
            .select({ id: caseServices.id })
            .from(caseServices)
            .where(and(eq(caseServices.id, input.serviceId), eq(caseServices.caseId, caseId)));
          if (!svc) throw invalid({ serviceId: { code: "invalid" } });
        }
        if (input.assignedUserId && !(await this.cases.caseWorker(tx, p.tenant, input.assignedUserId, input.toAgencyId)))
          throw invalid({ assignedUserId: { code: "invalid" } });
        const consentId = await sharingConsent(tx, caseId, input.toAgencyId);
        if (!consentId) {
          // No consent to share with this agency: only a documented override by an authorised role.
          if (!input.overrideReason) throw invalid({ overrideReason: { code: "required" } });
          if (!casePolicy.can(p, "overrideConsent", a)) throw new AppError("forbidden");
        }
        const [open] = await tx
          .select({ id: caseReferrals.id })
          .from(caseReferrals)
          .where(
            and(
              eq(caseReferrals.caseId, caseId),
              eq(caseReferrals.toAgencyId, input.toAgencyId),
              inArray(caseReferrals.status, ["sent", "accepted"]),
              input.serviceId ? eq(caseReferrals.serviceId, input.serviceId) : isNull(caseReferrals.serviceId),
            ),
          );
        if (open) throw new AppError("conflict");
        const [r] = await tx
          .insert(caseReferrals)
          .values({
            tenant: p.tenant,
            caseId,
            scope: input.scope,
            serviceId: input.serviceId ?? null,
            fromAgencyId: p.agencyId,
            fromUserId: p.id,
            toAgencyId: input.toAgencyId,
            assignedUserId: input.assignedUserId ?? null,
            reason: input.reason,
            detailsEnc: sealText(this.ctx.keys, input.details),
            consentId: consentId ?? null,
            overrideBy: consentId ? null : p.id,
            overrideReasonEnc: consentId ? null : sealText(this.ctx.keys, input.overrideReason),
            sentAt: now,
            respondDueAt: this.answerDue(now),
          })
          .returning();
        await this.notifyReceivers(tx, r!, c.code, now);
        return r!;
      },
      (r) => ({ referralId: r.id, toAgencyId: r.toAgencyId, scope: r.scope, basis: r.consentId ? "consent" : "override" }),
    );
    return (await this.present(this.ctx.db, p, [row], now, true))[0]!;
  }

  /**
   * Tells the receiving agency a referral arrived: its active case workers (or only the named assignee),
   * in-app and by e-mail through the outbox when SMTP is configured, like a forwarded report. Case code,
   * agency names and the answer deadline only: no victim data travels in a notification.
   */
  private async notifyReceivers(tx: Db, r: ReferralRow, caseCode: string, now: Date): Promise<void> {
    const workers = await tx
      .select({ id: users.id, email: users.email, roles: users.roles })
      .from(users)
      .where(
        and(
          eq(users.tenant, r.tenant),
          r.assignedUserId ? eq(users.id, r.assignedUserId) : eq(users.agencyId, r.toAgencyId),
          isNull(users.disabledAt),
        ),
      );
    const to = workers.filter((u) => isCaseWorker({ roles: u.roles as Principal["roles"] }));
    const names = await tx
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(inArray(agencies.id, [r.toAgencyId, ...(r.fromAgencyId ? [r.fromAgencyId] : [])]));
    const name = (id: string | null) => names.find((a) => a.id === id)?.name ?? "";
    const [y, m, d] = jakartaDate(r.respondDueAt).split("-");
    await notifyUsers(
      this.ctx,
      tx,
      to,
      {
        tenant: r.tenant,
        kind: "case.referral_received",
        resourceType: "referral",
        resourceId: r.id,
        title: `Rujukan kasus ${caseCode} untuk ${name(r.toAgencyId)}`,
        body:
          `${name(r.fromAgencyId) || "Tim kasus"} merujuk kasus ${caseCode} ke ${name(r.toAgencyId)}. ` +
          `Buka Rujukan di Simpul dan jawab (terima atau tolak) paling lambat ${d}/${m}/${y} (2 hari kerja).`,
      },
      now,
    );
  }

  /** Incoming: referrals to the caller's agency. Outgoing: referrals of the cases the caller works on. */
  async list(
    p: Principal,
    box: "incoming" | "outgoing",
    status: ReferralRow["status"] | undefined,
    now = new Date(),
  ): Promise<ReferralView[]> {
    const conds: SQL[] = [eq(caseReferrals.tenant, p.tenant)];
    if (box === "incoming") conds.push(p.agencyId ? eq(caseReferrals.toAgencyId, p.agencyId) : sql`false`);
    else
      conds.push(
        or(
          eq(caseReferrals.fromUserId, p.id),
          sql`EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = ${caseReferrals.caseId} AND m.user_id = ${p.id} AND m.removed_at IS NULL)`,
        )!,
      );
    if (status) conds.push(eq(caseReferrals.status, status));
    const rows = await this.ctx.db
      .select()
      .from(caseReferrals)
      .where(and(...conds))
      .orderBy(desc(caseReferrals.sentAt))
      .limit(200);
    // The receiving agency no longer reads the details of a referral the victim withdrew consent for.
    return this.present(
      this.ctx.db,
      p,
      rows,
      now,
      box === "outgoing" ? true : (r) => !(r.status === "revoked" && r.revokeReason === CONSENT_WITHDRAWN_REASON),
    );
  }

  /** Presents referrals with the caller's abilities on each (the caller's access to each case decides the sending side). */
  private async present(db: Db, p: Principal, rows: ReferralRow[], now: Date, withDetails: boolean | ((r: ReferralRow) => boolean)) {
    const ids = [...new Set(rows.map((r) => r.caseId))];
    const found = ids.length ? await db.select().from(cases).where(inArray(cases.id, ids)) : [];
    const access = new Map<string, CaseAccess | null>();
    for (const c of found) access.set(c.id, await accessTo(db, p, c));
    const abilities = (r: ReferralRow) => referralAbilities(p, referralRelation(p, r, access.get(r.caseId) ?? null), r.status);
    return presentReferrals(this.ctx, db, rows, new Map(found.map((c) => [c.id, c.code])), now, withDetails, abilities);
  }

  /**
   * Runs a state change on one referral. `need` is the referral policy's action: `answer` for the
   * receiving agency's case workers, `revoke` for the sending case's team, `complete` for either.
   * Anyone who is neither side gets 404; a party who may not take this action, 403.
   */
  private async change(
    p: Principal,
    actor: AuditActor,
    id: string,
    action: string,
    need: "answer" | "complete" | "revoke",
    fn: (tx: Db, r: ReferralRow) => Promise<Partial<typeof caseReferrals.$inferInsert>>,
    details: Record<string, unknown> = {},
    now = new Date(),
  ): Promise<ReferralView> {
    const row = await this.ctx.withAudit(actor, { action, resourceType: "referral", resourceId: id, details }, async (tx) => {
      const [r] = await tx
        .select()
        .from(caseReferrals)
        .where(and(eq(caseReferrals.id, id), eq(caseReferrals.tenant, p.tenant)))
        .for("update");
      if (!r) throw notFound();
      const c = await findCase(tx, p.tenant, r.caseId);
      const rel = referralRelation(p, r, c ? await accessTo(tx, p, c) : null);
      if (!referralPolicy.can(p, "read", rel)) throw notFound();
      if (!referralPolicy.can(p, need, rel)) throw new AppError("forbidden");
      const set = await fn(tx, r);
      const [u] = await tx.update(caseReferrals).set(set).where(eq(caseReferrals.id, id)).returning();
      await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, r.caseId));
      return u!;
    });
    return (await this.present(this.ctx.db, p, [row], now, true))[0]!;
  }

  accept(p: Principal, actor: AuditActor, id: string, body: { assignedUserId?: string }, now = new Date()) {
    return this.change(
      p,
      actor,
      id,
      "referral.accept",
      "answer",
      async (tx, r) => {
        if (r.status !== "sent") throw new AppError("invalid_transition");
        // Consent withdrawn after sending: the referral can no longer be accepted.
        if (r.consentId && !(await sharingConsent(tx, r.caseId, r.toAgencyId))) throw new AppError("invalid_transition");
        const assigned = body.assignedUserId ?? r.assignedUserId ?? p.id;
        if (!(await this.cases.caseWorker(tx, p.tenant, assigned, r.toAgencyId))) throw invalid({ assignedUserId: { code: "invalid" } });
        return { status: "accepted", respondedAt: now, respondedBy: p.id, assignedUserId: assigned };
      },
      {},
      now,
    );
  }

  reject(p: Principal, actor: AuditActor, id: string, reason: string, now = new Date()) {
    return this.change(
      p,
      actor,
      id,
      "referral.reject",
      "answer",
      async (_tx, r) => {
        if (r.status !== "sent") throw new AppError("invalid_transition");
        return { status: "rejected", respondedAt: now, respondedBy: p.id, rejectReason: reason };
      },
      {},
      now,
    );
  }

  /** Either side marks the work done; a service referral also marks its service delivered. Access ends. */
  complete(p: Principal, actor: AuditActor, id: string, now = new Date()) {
    return this.change(
      p,
      actor,
      id,
      "referral.complete",
      "complete",
      async (tx, r) => {
        if (r.status !== "accepted") throw new AppError("invalid_transition");
        if (r.serviceId)
          await tx
            .update(caseServices)
            .set({ status: "delivered", deliveredAt: now, updatedAt: now })
            .where(and(eq(caseServices.id, r.serviceId), inArray(caseServices.status, ["planned", "in_progress"])));
        return { status: "completed", completedAt: now };
      },
      {},
      now,
    );
  }

  revoke(p: Principal, actor: AuditActor, id: string, reason: string, now = new Date()) {
    return this.change(
      p,
      actor,
      id,
      "referral.revoke",
      "revoke",
      async (_tx, r) => {
        if (r.status !== "sent" && r.status !== "accepted") throw new AppError("invalid_transition");
        return { status: "revoked", revokedAt: now, revokeReason: reason };
      },
      {},
      now,
    );
  }
}
