// Cases: intake, the team, status, closure and reopening, lists and the audited read of one case.
// Every mutation and every read of a case runs in ctx.withAudit: the audit record is in the same transaction.
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { AppError, type FieldIssue, invalid, notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { randomCode } from "../../lib/random-code";
import { unknownRegionCodes } from "../regions/regions.service";
import { findReadableReport } from "../reports/reports.service";
import { publicReports } from "../reports/reports.tables";
import { jakartaDate } from "../../lib/working-days";
import { inJurisdiction } from "../reports/reports.policy";
import { type CaseAccess, casePolicy, isCaseWorker } from "./cases.policy";
import { presentDetail, presentSummaries } from "./cases.present";
import { accessTo, type CaseRow, caseScopeSql, findCase, identityScopeSql, listCases } from "./cases.repo";
import type { CaseCreate, CaseDetail, CaseListQuery, CaseSummary, CaseUpdate } from "./cases.schema";
import { caseMembers, casePersonIdentifiers, casePersons, caseReferrals, caseReports, cases, caseNotes } from "./cases.tables";
import type { CLOSURE_REASONS } from "../../../core/cases";
import { identifiersOfPerson, nikHash, openPerson, phoneHash, sealPerson, sealText } from "./cases.persons";

type CaseAction = Parameters<typeof casePolicy.can>[1];

// Case statistics (counts only) for dashboards; the route is in cases.routes.ts.
export { caseStats } from "./cases.oversight";

export function newCaseCode(): string {
  return `KS-${randomCode(8)}`;
}

export class CaseService {
  constructor(readonly ctx: AppContext) {}

  /**
   * Loads the case (locked), answers 404 outside the caller's audience and 403 for an action the
   * caller's access level does not allow, runs `fn`, bumps updated_at, and audits in one transaction.
   * A closed case refuses every change (409 `case_closed`) except reading, closing/reopening (`need`
   * "read" / "close", which check the status themselves) and what `whenClosed` allows for that caller.
   */
  async inCase<T>(
    p: Principal,
    actor: AuditActor,
    id: string,
    action: string,
    need: CaseAction,
    fn: (tx: Db, c: CaseRow, a: CaseAccess) => Promise<T>,
    details: (r: T) => Record<string, unknown> = () => ({}),
    whenClosed: (a: CaseAccess) => boolean = () => false,
  ): Promise<T> {
    return this.ctx.withAudit(
      actor,
      (r: T) => ({ action, resourceType: "case", resourceId: id, details: details(r) }),
      async (tx) => {
        const c = await findCase(tx, p.tenant, id, true);
        if (!c) throw notFound();
        const a = await accessTo(tx, p, c);
        if (!a) throw notFound();
        if (!casePolicy.can(p, need, a)) throw new AppError("forbidden");
        if (c.status === "closed" && need !== "read" && need !== "close" && !whenClosed(a)) throw new AppError("case_closed");
        const r = await fn(tx, c, a);
        await tx.update(cases).set({ updatedAt: new Date() }).where(eq(cases.id, id));
        return r;
      },
    );
  }

  /** Refuses region codes that are not in the Kemendagri table (field → code). */
  async checkRegions(codes: Record<string, string | null | undefined>): Promise<void> {
    const entries = Object.entries(codes).filter((e): e is [string, string] => !!e[1]);
    const unknown = new Set(
      await unknownRegionCodes(
        this.ctx.db,
        entries.map(([, c]) => c),
      ),
    );
    const fields = Object.fromEntries(entries.filter(([, c]) => unknown.has(c)).map(([f]) => [f, { code: "region_unknown" as const }]));
    if (Object.keys(fields).length) throw invalid(fields);
  }

  /** A user who may join a case team or receive a referral: same tenant, active, a case-worker role. */
  async caseWorker(db: Db, tenant: string, userId: string, agencyId?: string) {
    const [u] = await db
      .select({ id: users.id, agencyId: users.agencyId, roles: users.roles, disabledAt: users.disabledAt })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.tenant, tenant)));
    if (!u || u.disabledAt || !isCaseWorker({ roles: u.roles as Principal["roles"] })) return undefined;
    if (agencyId !== undefined && u.agencyId !== agencyId) return undefined;
    return u;
  }

  /** The owner of a new case: the named case worker, or the caller when the caller is one. Issues go into `fields`. */
  async ownerFor(db: Db, p: Principal, ownerId: string | undefined, fields: Record<string, FieldIssue>) {
    const id = ownerId ?? (isCaseWorker(p) ? p.id : undefined);
    if (!id) {
      fields.ownerId = { code: "required" };
      return undefined;
    }
    const owner = await this.caseWorker(db, p.tenant, id);
    if (!owner) fields.ownerId = { code: "invalid" };
    return owner;
  }

  async create(p: Principal, actor: AuditActor, input: CaseCreate, now = new Date()): Promise<CaseDetail> {
    const fields: Record<string, FieldIssue> = {};
    const owner = await this.ownerFor(this.ctx.db, p, input.ownerId, fields);
    // A creator outside the team (a coordinator) must be able to oversee the case afterwards: its place
    // must lie in their jurisdiction (a case without a place belongs to regency-wide coordinators).
    const place = input.regionCode ?? input.victim?.desaCode ?? null;
    if (!isCaseWorker(p) && !inJurisdiction(p, place)) {
      fields[input.regionCode || !input.victim?.desaCode ? "regionCode" : "victim.desaCode"] = { code: "region_outside_jurisdiction" };
    }
    const reportIds = [...new Set(input.reportIds ?? [])];
    for (const [i, reportId] of reportIds.entries()) {
      const issue = await this.reportLinkIssue(this.ctx.db, p, reportId, undefined);
      if (issue) fields[`reportIds.${i}`] = issue;
    }
    if (Object.keys(fields).length) throw invalid(fields);
    await this.checkRegions({ regionCode: input.regionCode, "victim.desaCode": input.victim?.desaCode });
    const id = await this.ctx.withAudit(
      actor,
      (caseId: string) => ({
        action: "case.create",
        resourceType: "case",
        resourceId: caseId,
        details: { origin: input.origin, reports: reportIds.length },
      }),
      (tx) => this.insertCase(tx, p, owner!, { ...input, reportIds }, now),
    );
    // The creator may be a coordinator who is not on the team: answer at the caller's own level.
    const c = (await findCase(this.ctx.db, p.tenant, id))!;
    const a = await accessTo(this.ctx.db, p, c);
    if (!a) throw notFound();
    return presentDetail(this.ctx, this.ctx.db, p, c, a, now);
  }

  /**
   * Inserts a checked case: the row, the owner (and a case-worker creator) on the team, the linked
   * reports and the first victim. The caller's transaction holds it and writes the audit record.
   */
  async insertCase(tx: Db, p: Principal, owner: { id: string; agencyId: string | null }, input: CaseCreate, now: Date): Promise<string> {
    const [c] = await tx
      .insert(cases)
      .values({
        tenant: p.tenant,
        code: newCaseCode(),
        origin: input.origin,
        priority: input.priority ?? "normal",
        summaryEnc: sealText(this.ctx.keys, input.summary),
        regionCode: input.regionCode ?? input.victim?.desaCode ?? null,
        ownerId: owner.id,
        ownerAgencyId: owner.agencyId,
        createdBy: p.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx
      .insert(caseMembers)
      .values({ tenant: p.tenant, caseId: c!.id, userId: owner.id, agencyId: owner.agencyId, role: "owner", addedBy: p.id, addedAt: now });
    if (isCaseWorker(p) && p.id !== owner.id)
      await tx
        .insert(caseMembers)
        .values({ tenant: p.tenant, caseId: c!.id, userId: p.id, agencyId: p.agencyId, role: "member", addedBy: p.id, addedAt: now });
    for (const [i, reportId] of (input.reportIds ?? []).entries()) await this.linkReportTx(tx, p, c!.id, reportId, now, `reportIds.${i}`);
    if (input.victim) await this.insertPerson(tx, p.tenant, c!.id, { ...input.victim, kind: "victim" }, now);
    return c!.id;
  }

  async insertPerson(
    tx: Db,
    tenant: string,
    caseId: string,
    input: Parameters<typeof sealPerson>[1] & { kind: "victim" | "family" | "perpetrator" },
    now: Date,
  ) {
    const [row] = await tx
      .insert(casePersons)
      .values({ tenant, caseId, kind: input.kind, ...sealPerson(this.ctx.keys, input, jakartaDate(now)), createdAt: now, updatedAt: now })
      .returning();
    await this.reindexPerson(tx, row!);
    return row!;
  }

  /** Rebuilds a person's blind-index rows from the stored (encrypted) values. */
  async reindexPerson(tx: Db, row: typeof casePersons.$inferSelect): Promise<void> {
    await tx.delete(casePersonIdentifiers).where(eq(casePersonIdentifiers.personId, row.id));
    const ids = identifiersOfPerson(this.ctx.keys, openPerson(this.ctx.keys, row));
    if (ids.length)
      await tx.insert(casePersonIdentifiers).values(ids.map((i) => ({ tenant: row.tenant, personId: row.id, caseId: row.caseId, ...i })));
  }

  /**
   * Why a report may not be linked to a case (undefined: it may). A report the caller may not read is
   * `invalid`, exactly like one that does not exist, so the answer reveals nothing; a report already
   * linked to another case is `report_has_case` (one report, one case). `lock` holds the report row.
   */
  async reportLinkIssue(db: Db, p: Principal, reportId: string, caseId: string | undefined, lock = false): Promise<FieldIssue | undefined> {
    const r = await findReadableReport(db, p, reportId, lock);
    if (!r) return { code: "invalid" };
    const other = await db
      .select({ caseId: caseReports.caseId })
      .from(caseReports)
      .where(and(eq(caseReports.reportId, reportId), caseId ? ne(caseReports.caseId, caseId) : undefined))
      .limit(1);
    if ((r.caseId && r.caseId !== caseId) || other.length) return { code: "report_has_case" };
    return undefined;
  }

  /** Links a report the caller may read and no other case holds (checked again here, the report row locked). */
  async linkReportTx(tx: Db, p: Principal, caseId: string, reportId: string, now: Date, field = "reportId"): Promise<void> {
    const issue = await this.reportLinkIssue(tx, p, reportId, caseId, true);
    if (issue) throw invalid({ [field]: issue });
    await tx.insert(caseReports).values({ tenant: p.tenant, caseId, reportId, linkedAt: now, linkedBy: p.id }).onConflictDoNothing();
    await tx
      .update(publicReports)
      .set({ caseId })
      .where(and(eq(publicReports.id, reportId), isNull(publicReports.caseId)));
  }

  linkReport(p: Principal, actor: AuditActor, id: string, reportId: string, now = new Date()) {
    return this.inCase(
      p,
      actor,
      id,
      "case.link_report",
      "edit",
      (tx) => this.linkReportTx(tx, p, id, reportId, now),
      () => ({ reportId }),
    );
  }

  async list(p: Principal, actor: AuditActor, q: CaseListQuery, now = new Date()): Promise<{ items: CaseSummary[] }> {
    let ids: string[] | undefined;
    let scope = caseScopeSql(p);
    if (q.nik || q.phone) {
      // Exact search needs identity access: only the team's and referral recipients' cases qualify.
      scope = identityScopeSql(p);
      const hash = q.nik ? nikHash(this.ctx.keys, q.nik) : phoneHash(this.ctx.keys, q.phone!);
      const hits = hash
        ? await this.ctx.db
            .selectDistinct({ caseId: casePersonIdentifiers.caseId })
            .from(casePersonIdentifiers)
            .where(and(eq(casePersonIdentifiers.tenant, p.tenant), eq(casePersonIdentifiers.hash, hash)))
        : [];
      ids = hits.map((h) => h.caseId);
    }
    return this.ctx.withAudit(
      actor,
      (r: { items: CaseSummary[] }) => ({
        action: "case.list",
        resourceType: "case",
        details: { cases: r.items.map((i) => i.id), ...(q.nik ? { search: "nik" } : q.phone ? { search: "phone" } : {}) },
      }),
      async (tx) => {
        const rows = await listCases(
          tx,
          scope,
          {
            status: q.status,
            traffickingStatus: q.traffickingStatus,
            overdue: q.overdue === undefined ? undefined : q.overdue === "true",
            code: q.code,
            ids,
            limit: q.limit,
            offset: q.offset,
          },
          now,
        );
        const withAccess = [];
        for (const r of rows) {
          const a = await accessTo(tx, p, r.c);
          if (a) withAccess.push({ ...r, access: a });
        }
        return { items: await presentSummaries(this.ctx, tx, p, withAccess) };
      },
    );
  }

  /** The audited read of one case, presented at the caller's access level. */
  get(p: Principal, actor: AuditActor, id: string, now = new Date()): Promise<CaseDetail> {
    return this.ctx.withAudit(
      actor,
      (d: CaseDetail) => ({ action: "case.read", resourceType: "case", resourceId: id, details: { access: d.access } }),
      async (tx) => {
        const c = await findCase(tx, p.tenant, id);
        if (!c) throw notFound();
        const a = await accessTo(tx, p, c);
        if (!a) throw notFound();
        return presentDetail(this.ctx, tx, p, c, a, now);
      },
    );
  }

  async update(p: Principal, actor: AuditActor, id: string, patch: CaseUpdate, now = new Date()): Promise<CaseDetail> {
    if (patch.traffickingStatus !== undefined && patch.traffickingStatusOrg === undefined)
      throw invalid({ traffickingStatusOrg: { code: "required" } });
    await this.checkRegions({ regionCode: patch.regionCode });
    await this.inCase(
      p,
      actor,
      id,
      "case.update",
      "edit",
      async (tx) => {
        await tx
          .update(cases)
          .set({
            ...(patch.status !== undefined ? { status: patch.status } : {}),
            ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
            ...(patch.summary !== undefined ? { summaryEnc: sealText(this.ctx.keys, patch.summary) } : {}),
            ...(patch.regionCode !== undefined ? { regionCode: patch.regionCode } : {}),
            ...(patch.traffickingStatus !== undefined
              ? {
                  traffickingStatus: patch.traffickingStatus,
                  traffickingStatusOrg: patch.traffickingStatusOrg,
                  traffickingStatusBy: p.id,
                  traffickingStatusAt: now,
                }
              : {}),
          })
          .where(eq(cases.id, id));
      },
      () => ({
        fields: Object.keys(patch),
        ...(patch.status ? { status: patch.status } : {}),
        ...(patch.traffickingStatus ? { traffickingStatus: patch.traffickingStatus } : {}),
      }),
    );
    return this.get(p, actor, id, now);
  }

  async close(
    p: Principal,
    actor: AuditActor,
    id: string,
    body: { reason: (typeof CLOSURE_REASONS)[number]; note?: string },
    now = new Date(),
  ) {
    await this.inCase(
      p,
      actor,
      id,
      "case.close",
      "close",
      async (tx, c) => {
        if (c.status === "closed") throw new AppError("invalid_transition");
        await tx
          .update(cases)
          .set({ status: "closed", closedAt: now, closureReason: body.reason, closureNoteEnc: sealText(this.ctx.keys, body.note) })
          .where(eq(cases.id, id));
        // Referrals nobody answered end with the case; accepted ones may still be completed.
        await tx
          .update(caseReferrals)
          .set({ status: "revoked", revokedAt: now, revokeReason: "Kasus ditutup." })
          .where(and(eq(caseReferrals.caseId, id), eq(caseReferrals.status, "sent")));
      },
      () => ({ reason: body.reason }),
    );
    return this.get(p, actor, id, now);
  }

  async reopen(p: Principal, actor: AuditActor, id: string, body: { reason: string }, now = new Date()) {
    await this.inCase(p, actor, id, "case.reopen", "close", async (tx, c) => {
      if (c.status !== "closed") throw new AppError("invalid_transition");
      await tx.update(cases).set({ status: "active", closedAt: null, closureReason: null, reopenedAt: now }).where(eq(cases.id, id));
      await tx.insert(caseNotes).values({
        tenant: c.tenant,
        caseId: id,
        bodyEnc: sealText(this.ctx.keys, `Kasus dibuka kembali: ${body.reason}`)!,
        authorId: p.id,
        authorAgencyId: p.agencyId,
        createdAt: now,
      });
    });
    return this.get(p, actor, id, now);
  }

  async addMember(p: Principal, actor: AuditActor, id: string, userId: string, now = new Date()) {
    await this.inCase(
      p,
      actor,
      id,
      "case.member_add",
      "manageTeam",
      async (tx, c) => {
        const u = await this.caseWorker(tx, p.tenant, userId);
        if (!u) throw invalid({ userId: { code: "invalid" } });
        const [existing] = await tx
          .select({ id: caseMembers.id })
          .from(caseMembers)
          .where(and(eq(caseMembers.caseId, id), eq(caseMembers.userId, userId), isNull(caseMembers.removedAt)));
        if (existing) throw new AppError("conflict");
        await tx
          .insert(caseMembers)
          .values({ tenant: c.tenant, caseId: id, userId, agencyId: u.agencyId, role: "member", addedBy: p.id, addedAt: now });
      },
      () => ({ userId }),
    );
    return this.get(p, actor, id, now);
  }

  async removeMember(p: Principal, actor: AuditActor, id: string, userId: string, now = new Date()) {
    await this.inCase(
      p,
      actor,
      id,
      "case.member_remove",
      "manageTeam",
      async (tx) => {
        const r = await tx
          .update(caseMembers)
          .set({ removedAt: now })
          .where(
            and(eq(caseMembers.caseId, id), eq(caseMembers.userId, userId), eq(caseMembers.role, "member"), isNull(caseMembers.removedAt)),
          )
          .returning({ id: caseMembers.id });
        if (r.length === 0) throw notFound();
      },
      () => ({ userId }),
      // Taking someone off a closed case only narrows who sees the victim's data: no need to reopen it.
      () => true,
    );
    return this.get(p, actor, id, now);
  }

  /** Hands the case to another case worker; the previous owner stays on the team as a member. */
  async transferOwner(p: Principal, actor: AuditActor, id: string, userId: string, now = new Date()) {
    await this.inCase(
      p,
      actor,
      id,
      "case.owner_transfer",
      "manageTeam",
      async (tx, c) => {
        const u = await this.caseWorker(tx, p.tenant, userId);
        if (!u) throw invalid({ userId: { code: "invalid" } });
        await tx
          .update(caseMembers)
          .set({ removedAt: now })
          .where(and(eq(caseMembers.caseId, id), eq(caseMembers.userId, userId), isNull(caseMembers.removedAt)));
        await tx
          .update(caseMembers)
          .set({ role: "member" })
          .where(and(eq(caseMembers.caseId, id), eq(caseMembers.role, "owner"), isNull(caseMembers.removedAt)));
        await tx
          .insert(caseMembers)
          .values({ tenant: c.tenant, caseId: id, userId, agencyId: u.agencyId, role: "owner", addedBy: p.id, addedAt: now });
        await tx.update(cases).set({ ownerId: userId, ownerAgencyId: u.agencyId }).where(eq(cases.id, id));
      },
      () => ({ userId }),
    );
    return this.get(p, actor, id, now);
  }
}
