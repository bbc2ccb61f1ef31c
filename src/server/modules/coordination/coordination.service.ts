// Coordination: directory, meetings (attendance, minutes, decisions) and action items.
// Every mutation runs in ctx.withAudit; reads that show phone numbers or minutes are audited too.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { ACTION_ITEM_STATUSES, TASK_FORCES, type TaskForce } from "../../../core/coordination";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { findTenantRow } from "../../db/records";
import { agencies, users } from "../../db/schema";
import { decrypt, encrypt } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { parseWib } from "../../lib/wib";
import { actionItemPolicy, meetingPolicy, seesAllCoordination } from "./coordination.policy";
import {
  type ActionItemRow,
  agencyNames,
  attendanceOf,
  decisionsOf,
  findMeeting,
  isOverdue,
  overdueWhere,
  ownedBy,
  ownerAgencyIdsOf,
  selectActionItems,
} from "./coordination.repo";
import type { ActionItem, ActionItemCreate, ActionItemUpdate, Meeting, MeetingCreate, MeetingUpdate } from "./coordination.schema";
import { actionItems, decisions, focalPoints, meetingAttendance, meetings, taskForceMembers } from "./coordination.tables";

type FocalPointInput = { name?: string; position?: string | null; phone?: string | null };

/** The action items the caller sees: coordinators every one, others their agency's and their own. */
function actionItemScope(p: Principal) {
  return seesAllCoordination(p) ? undefined : ownedBy(p.agencyId, p.id);
}

export class CoordinationService {
  constructor(private readonly ctx: AppContext) {}

  private get tenant() {
    return this.ctx.config.regency;
  }

  // ---- Directory ----

  async directory(_p: Principal, actor: AuditActor) {
    // Phone numbers leave the server here, so the read itself is in the audit trail.
    return this.ctx.withAudit(actor, { action: "coordination.directory.read" }, async (tx) => {
      const rows = await tx
        .select({ id: agencies.id, code: agencies.code, name: agencies.name, category: agencies.category })
        .from(agencies)
        .where(and(eq(agencies.tenant, this.tenant), eq(agencies.active, true)))
        .orderBy(asc(agencies.name));
      const fps = await tx.select().from(focalPoints).where(eq(focalPoints.tenant, this.tenant)).orderBy(asc(focalPoints.name));
      const members = await tx.select().from(taskForceMembers).where(eq(taskForceMembers.tenant, this.tenant));
      return rows.map((a) => ({
        ...a,
        taskForces: TASK_FORCES.filter((tf) => members.some((m) => m.agencyId === a.id && m.taskForce === tf)),
        focalPoints: fps
          .filter((f) => f.agencyId === a.id)
          .map((f) => ({ id: f.id, name: f.name, position: f.position, phone: f.phoneEnc ? decrypt(this.ctx.keys, f.phoneEnc) : null })),
      }));
    });
  }

  private async requireAgency(db: Db, id: string, field = "agencyId") {
    const [row] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.tenant, this.tenant), eq(agencies.id, id)));
    if (!row) throw new AppError("validation_failed", { [field]: { code: "agency_unknown" } });
    return row;
  }

  async setTaskForces(_p: Principal, actor: AuditActor, agencyId: string, taskForces: TaskForce[]) {
    const [agency] = await this.ctx.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.tenant, this.tenant), eq(agencies.id, agencyId)));
    if (!agency) throw new AppError("not_found");
    const wanted = [...new Set(taskForces)];
    await this.ctx.withAudit(
      actor,
      { action: "coordination.task_forces.set", resourceType: "agency", resourceId: agencyId, details: { taskForces: wanted } },
      async (tx) => {
        await tx.delete(taskForceMembers).where(eq(taskForceMembers.agencyId, agencyId));
        if (wanted.length)
          await tx.insert(taskForceMembers).values(wanted.map((taskForce) => ({ tenant: this.tenant, agencyId, taskForce })));
      },
    );
    return { taskForces: TASK_FORCES.filter((tf) => wanted.includes(tf)) };
  }

  async addFocalPoint(_p: Principal, actor: AuditActor, agencyId: string, input: FocalPointInput & { name: string }) {
    const [agency] = await this.ctx.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.tenant, this.tenant), eq(agencies.id, agencyId)));
    if (!agency) throw new AppError("not_found");
    const row = await this.ctx.withAudit(
      actor,
      (r: { id: string }) => ({
        action: "coordination.focal_point.create",
        resourceType: "focal_point",
        resourceId: r.id,
        details: { agencyId },
      }),
      async (tx) => {
        const [r] = await tx
          .insert(focalPoints)
          .values({
            tenant: this.tenant,
            agencyId,
            name: input.name,
            position: input.position ?? null,
            phoneEnc: input.phone ? encrypt(this.ctx.keys, input.phone) : null,
          })
          .returning();
        return r!;
      },
    );
    return { id: row.id, name: row.name, position: row.position, phone: input.phone ?? null };
  }

  async updateFocalPoint(_p: Principal, actor: AuditActor, id: string, input: FocalPointInput) {
    const existing = await findTenantRow(this.ctx.db, focalPoints, this.tenant, id);
    if (!existing) throw new AppError("not_found");
    const set: Partial<typeof focalPoints.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) set.name = input.name;
    if (input.position !== undefined) set.position = input.position;
    if (input.phone !== undefined) set.phoneEnc = input.phone ? encrypt(this.ctx.keys, input.phone) : null;
    const fields = Object.keys(input);
    const [row] = await this.ctx.withAudit(
      actor,
      { action: "coordination.focal_point.update", resourceType: "focal_point", resourceId: id, details: { fields } },
      (tx) => tx.update(focalPoints).set(set).where(eq(focalPoints.id, id)).returning(),
    );
    return { id, name: row!.name, position: row!.position, phone: row!.phoneEnc ? decrypt(this.ctx.keys, row!.phoneEnc) : null };
  }

  async deleteFocalPoint(_p: Principal, actor: AuditActor, id: string) {
    const deleted = await this.ctx.withAudit(
      actor,
      { action: "coordination.focal_point.delete", resourceType: "focal_point", resourceId: id },
      (tx) =>
        tx
          .delete(focalPoints)
          .where(and(eq(focalPoints.tenant, this.tenant), eq(focalPoints.id, id)))
          .returning({ id: focalPoints.id }),
    );
    if (deleted.length === 0) throw new AppError("not_found");
  }

  // ---- Meetings ----

  async listMeetings(p: Principal) {
    const scope = seesAllCoordination(p)
      ? undefined
      : p.agencyId
        ? sql`(${p.agencyId}::uuid = ANY(coordination_meetings.invited_agency_ids) OR EXISTS (SELECT 1 FROM coordination_action_items a
            WHERE a.meeting_id = coordination_meetings.id AND a.owner_agency_id = ${p.agencyId}::uuid))`
        : sql`false`;
    const rows = await this.ctx.db
      .select({
        id: meetings.id,
        title: meetings.title,
        startsAt: meetings.startsAt,
        place: meetings.place,
        onlineUrl: meetings.onlineUrl,
        invitedCount: sql<number>`cardinality(${meetings.invitedAgencyIds})`.mapWith(Number),
        // Qualified by hand: inside a correlated subquery drizzle's unqualified column names would bind to the inner table.
        decisionCount: sql<number>`(SELECT count(*) FROM coordination_decisions d WHERE d.meeting_id = coordination_meetings.id)`.mapWith(
          Number,
        ),
        openActionItems: sql<number>`(SELECT count(*) FROM coordination_action_items a
          WHERE a.meeting_id = coordination_meetings.id AND a.status IN ('open', 'in_progress'))`.mapWith(Number),
      })
      .from(meetings)
      .where(and(eq(meetings.tenant, this.tenant), scope))
      .orderBy(desc(meetings.startsAt))
      .limit(200);
    return { items: rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() })) };
  }

  private async checkAgencies(db: Db, ids: string[], field: string) {
    const uniq = [...new Set(ids)];
    const names = await agencyNames(db, this.tenant, uniq);
    const missing = uniq.findIndex((id) => !names.has(id));
    if (missing >= 0) throw new AppError("validation_failed", { [`${field}.${ids.indexOf(uniq[missing]!)}`]: { code: "agency_unknown" } });
    return uniq;
  }

  async createMeeting(p: Principal, actor: AuditActor, input: MeetingCreate) {
    const invited = await this.checkAgencies(this.ctx.db, input.invitedAgencyIds, "invitedAgencyIds");
    const row = await this.ctx.withAudit(
      actor,
      (r: { id: string }) => ({ action: "coordination.meeting.create", resourceType: "meeting", resourceId: r.id }),
      async (tx) => {
        const [r] = await tx
          .insert(meetings)
          .values({
            tenant: this.tenant,
            title: input.title,
            startsAt: parseWib(input.startsAt),
            place: input.place ?? null,
            onlineUrl: input.onlineUrl ?? null,
            agenda: input.agenda,
            invitedAgencyIds: invited,
            createdBy: p.id,
          })
          .returning({ id: meetings.id });
        return r!;
      },
    );
    return this.present(p, row.id);
  }

  /** The meeting as the caller may see it; 404 outside the caller's scope. */
  private async readable(p: Principal, id: string) {
    const m = await findMeeting(this.ctx.db, this.tenant, id);
    if (!m) throw new AppError("not_found");
    if (!meetingPolicy.can(p, "read", { invitedAgencyIds: m.invitedAgencyIds, ownerAgencyIds: await ownerAgencyIdsOf(this.ctx.db, id) })) {
      throw new AppError("not_found");
    }
    return m;
  }

  async getMeeting(p: Principal, actor: AuditActor, id: string): Promise<Meeting> {
    await this.readable(p, id);
    // Minutes are confidential meeting notes: their read is audited.
    await this.ctx.withAudit(
      actor,
      { action: "coordination.meeting.read", resourceType: "meeting", resourceId: id },
      async () => undefined,
    );
    return this.present(p, id);
  }

  async getMinutesForExport(p: Principal, actor: AuditActor, id: string): Promise<{ view: Meeting; createdBy: string }> {
    const m = await this.readable(p, id);
    await this.ctx.withAudit(
      actor,
      { action: "coordination.minutes.export", resourceType: "meeting", resourceId: id },
      async () => undefined,
    );
    return { view: await this.present(p, id), createdBy: m.createdBy };
  }

  /** Everything the detail page and the minutes PDF show. */
  async present(p: Principal, id: string, now = new Date()): Promise<Meeting> {
    const m = await findMeeting(this.ctx.db, this.tenant, id);
    if (!m) throw new AppError("not_found");
    const [names, attendance, decs, items] = await Promise.all([
      agencyNames(this.ctx.db, this.tenant, m.invitedAgencyIds),
      attendanceOf(this.ctx.db, id),
      decisionsOf(this.ctx.db, id),
      selectActionItems(this.ctx.db, this.tenant, eq(actionItems.meetingId, id)),
    ]);
    return {
      id: m.id,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      place: m.place,
      onlineUrl: m.onlineUrl,
      agenda: m.agenda,
      invitedAgencies: m.invitedAgencyIds.filter((a) => names.has(a)).map((a) => ({ id: a, name: names.get(a)! })),
      attendance,
      minutes: m.minutesEnc ? decrypt(this.ctx.keys, m.minutesEnc) : null,
      decisions: decs.map((d) => ({
        id: d.id,
        seq: d.seq,
        text: d.text,
        actionItems: items.filter((i) => i.decisionId === d.id).map((i) => this.presentItem(p, i, now)),
      })),
      canManage: seesAllCoordination(p),
    };
  }

  async updateMeeting(p: Principal, actor: AuditActor, id: string, input: MeetingUpdate) {
    const m = await findMeeting(this.ctx.db, this.tenant, id);
    if (!m) throw new AppError("not_found");
    const set: Partial<typeof meetings.$inferInsert> = { updatedAt: new Date() };
    if (input.title !== undefined) set.title = input.title;
    if (input.startsAt !== undefined) set.startsAt = parseWib(input.startsAt);
    if (input.place !== undefined) set.place = input.place;
    if (input.onlineUrl !== undefined) set.onlineUrl = input.onlineUrl;
    if (input.agenda !== undefined) set.agenda = input.agenda;
    if (input.invitedAgencyIds !== undefined)
      set.invitedAgencyIds = await this.checkAgencies(this.ctx.db, input.invitedAgencyIds, "invitedAgencyIds");
    if (input.minutes !== undefined) set.minutesEnc = input.minutes ? encrypt(this.ctx.keys, input.minutes) : null;
    await this.ctx.withAudit(
      actor,
      { action: "coordination.meeting.update", resourceType: "meeting", resourceId: id, details: { fields: Object.keys(input) } },
      (tx) => tx.update(meetings).set(set).where(eq(meetings.id, id)),
    );
    return this.present(p, id);
  }

  async recordAttendance(p: Principal, actor: AuditActor, id: string, rows: { agencyId: string; present: boolean; headcount: number }[]) {
    const m = await findMeeting(this.ctx.db, this.tenant, id);
    if (!m) throw new AppError("not_found");
    await this.checkAgencies(
      this.ctx.db,
      rows.map((r) => r.agencyId),
      "attendance",
    );
    const byAgency = new Map(rows.map((r) => [r.agencyId, r]));
    await this.ctx.withAudit(
      actor,
      {
        action: "coordination.meeting.attendance",
        resourceType: "meeting",
        resourceId: id,
        details: { agencies: byAgency.size, present: rows.filter((r) => r.present).length },
      },
      async (tx) => {
        await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, id));
        if (byAgency.size) await tx.insert(meetingAttendance).values([...byAgency.values()].map((r) => ({ meetingId: id, ...r })));
      },
    );
    return this.present(p, id);
  }

  async addDecision(p: Principal, actor: AuditActor, meetingId: string, input: { text: string; actionItems: ActionItemCreate[] }) {
    const m = await findMeeting(this.ctx.db, this.tenant, meetingId);
    if (!m) throw new AppError("not_found");
    for (const [i, item] of input.actionItems.entries()) await this.checkItemOwner(item, `actionItems.${i}.`);
    await this.ctx.withAudit(
      actor,
      (r: { id: string }) => ({
        action: "coordination.decision.create",
        resourceType: "meeting",
        resourceId: meetingId,
        details: { decisionId: r.id, actionItems: input.actionItems.length },
      }),
      async (tx) => {
        const [{ next }] = (await tx
          .select({ next: sql<number>`coalesce(max(${decisions.seq}), 0) + 1`.mapWith(Number) })
          .from(decisions)
          .where(eq(decisions.meetingId, meetingId))) as [{ next: number }];
        const [d] = await tx.insert(decisions).values({ meetingId, seq: next, text: input.text }).returning({ id: decisions.id });
        if (input.actionItems.length)
          await tx.insert(actionItems).values(input.actionItems.map((it) => this.itemValues(meetingId, d!.id, it)));
        return d!;
      },
    );
    return this.present(p, meetingId);
  }

  async addActionItem(p: Principal, actor: AuditActor, decisionId: string, input: ActionItemCreate) {
    const [d] = await this.ctx.db
      .select({ id: decisions.id, meetingId: decisions.meetingId })
      .from(decisions)
      .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
      .where(and(eq(decisions.id, decisionId), eq(meetings.tenant, this.tenant)));
    if (!d) throw new AppError("not_found");
    await this.checkItemOwner(input, "");
    const row = await this.ctx.withAudit(
      actor,
      (r: { id: string }) => ({
        action: "coordination.action_item.create",
        resourceType: "action_item",
        resourceId: r.id,
        details: { meetingId: d.meetingId, ownerAgencyId: input.ownerAgencyId },
      }),
      async (tx) => {
        const [r] = await tx
          .insert(actionItems)
          .values(this.itemValues(d.meetingId, d.id, input))
          .returning({ id: actionItems.id });
        return r!;
      },
    );
    const [item] = await selectActionItems(this.ctx.db, this.tenant, eq(actionItems.id, row.id));
    return this.presentItem(p, item!, new Date());
  }

  private itemValues(meetingId: string, decisionId: string, it: ActionItemCreate): typeof actionItems.$inferInsert {
    return {
      tenant: this.tenant,
      meetingId,
      decisionId,
      title: it.title,
      ownerAgencyId: it.ownerAgencyId,
      ownerUserId: it.ownerUserId ?? null,
      dueDate: it.dueDate,
      linkKind: it.link?.kind ?? null,
      linkRef: it.link?.ref ?? null,
    };
  }

  /** The owner agency exists here, and a named owner person works at that agency. */
  private async checkItemOwner(it: { ownerAgencyId?: string; ownerUserId?: string | null }, prefix: string, agencyOfItem?: string) {
    if (it.ownerAgencyId) await this.requireAgency(this.ctx.db, it.ownerAgencyId, `${prefix}ownerAgencyId`);
    const agencyId = it.ownerAgencyId ?? agencyOfItem;
    if (it.ownerUserId) {
      const [u] = await this.ctx.db
        .select({ agencyId: users.agencyId })
        .from(users)
        .where(and(eq(users.tenant, this.tenant), eq(users.id, it.ownerUserId)));
      if (!u || u.agencyId !== agencyId) throw new AppError("validation_failed", { [`${prefix}ownerUserId`]: { code: "invalid" } });
    }
  }

  // ---- Action items ----

  presentItem(p: Principal, r: ActionItemRow, now: Date): ActionItem {
    const ref = { ownerAgencyId: r.ownerAgencyId, ownerUserId: r.ownerUserId };
    return {
      id: r.id,
      meetingId: r.meetingId,
      meetingTitle: r.meetingTitle,
      decisionId: r.decisionId,
      title: r.title,
      ownerAgency: { id: r.ownerAgencyId, name: r.ownerAgencyName },
      ownerUser: r.ownerUserId ? { id: r.ownerUserId, name: r.ownerUserName ?? "" } : null,
      dueDate: r.dueDate,
      status: r.status,
      proof: r.proof,
      link: r.linkKind && r.linkRef ? { kind: r.linkKind, ref: r.linkRef } : null,
      overdue: isOverdue(r, now),
      canUpdate: actionItemPolicy.can(p, "updateProgress", ref),
      canManage: actionItemPolicy.can(p, "manage", ref),
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  async listActionItems(
    p: Principal,
    q: { overdue?: "true" | "false"; status?: ActionItem["status"]; meetingId?: string },
    now = new Date(),
  ) {
    const where = and(
      actionItemScope(p),
      q.overdue === "true" ? overdueWhere(now) : undefined,
      q.status ? eq(actionItems.status, q.status) : undefined,
      q.meetingId ? eq(actionItems.meetingId, q.meetingId) : undefined,
    );
    const rows = await selectActionItems(this.ctx.db, this.tenant, where);
    return { items: rows.map((r) => this.presentItem(p, r, now)) };
  }

  /** Action items per status and the overdue ones, over what `listActionItems` shows the caller. */
  async actionItemCounts(p: Principal, now = new Date()) {
    const rows = await this.ctx.db
      .select({
        status: actionItems.status,
        n: sql<number>`count(*)::int`,
        overdue: sql<number>`count(*) FILTER (WHERE ${overdueWhere(now)})::int`,
      })
      .from(actionItems)
      .where(and(eq(actionItems.tenant, this.tenant), actionItemScope(p)))
      .groupBy(actionItems.status);
    const byStatus = Object.fromEntries(ACTION_ITEM_STATUSES.map((s) => [s, 0])) as Record<ActionItem["status"], number>;
    let overdue = 0;
    for (const r of rows) {
      byStatus[r.status] = Number(r.n);
      overdue += Number(r.overdue);
    }
    return { byStatus, overdue };
  }

  async updateActionItem(p: Principal, actor: AuditActor, id: string, input: ActionItemUpdate, now = new Date()) {
    const [existing] = await selectActionItems(this.ctx.db, this.tenant, eq(actionItems.id, id));
    const ref = existing && { ownerAgencyId: existing.ownerAgencyId, ownerUserId: existing.ownerUserId };
    if (!existing || !ref || !actionItemPolicy.can(p, "read", ref)) throw new AppError("not_found");
    if (!actionItemPolicy.can(p, "updateProgress", ref)) throw new AppError("forbidden");
    const managed = (["title", "ownerAgencyId", "ownerUserId", "dueDate"] as const).filter((k) => input[k] !== undefined);
    if (managed.length && !actionItemPolicy.can(p, "manage", ref)) throw new AppError("forbidden");
    if (input.ownerAgencyId !== undefined || input.ownerUserId !== undefined) {
      await this.checkItemOwner({ ownerAgencyId: input.ownerAgencyId, ownerUserId: input.ownerUserId }, "", existing.ownerAgencyId);
    }
    const set: Partial<typeof actionItems.$inferInsert> = { updatedAt: now };
    if (input.status !== undefined) {
      set.status = input.status;
      set.completedAt = input.status === "done" ? now : null;
    }
    if (input.proof !== undefined) set.proof = input.proof;
    if (input.title !== undefined) set.title = input.title;
    if (input.ownerAgencyId !== undefined) set.ownerAgencyId = input.ownerAgencyId;
    if (input.ownerUserId !== undefined) set.ownerUserId = input.ownerUserId;
    if (input.dueDate !== undefined) set.dueDate = input.dueDate;
    await this.ctx.withAudit(
      actor,
      {
        action: "coordination.action_item.update",
        resourceType: "action_item",
        resourceId: id,
        details: { fields: Object.keys(input), status: input.status ?? existing.status },
      },
      (tx) => tx.update(actionItems).set(set).where(eq(actionItems.id, id)),
    );
    const [row] = await selectActionItems(this.ctx.db, this.tenant, eq(actionItems.id, id));
    return this.presentItem(p, row!, now);
  }
}
