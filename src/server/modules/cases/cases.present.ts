// Loads a case with everything under it and presents it at the caller's access level:
// team and whole-case referrals see everything; a service referral sees the victims and its service;
// coordinators (aggregate) see sex, age band, statuses and dates, never a name or a narrative.
import { asc, eq, inArray } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { jakartaDate } from "../../lib/working-days";
import { type CaseAccess, caseAbilities, casePolicy, referralAbilities, referralRelation } from "./cases.policy";
import { accessLabel, agencyRefs, type CaseRow, caseRecordRows, iso, userRefs } from "./cases.repo";
import type { CaseDetail, CaseSummary, ReferralView } from "./cases.schema";
import { caseAssessments, caseMembers, casePersons, type caseReferrals, caseReports, caseServices } from "./cases.tables";
import { openText, presentPerson } from "./cases.persons";

type ReferralRow = typeof caseReferrals.$inferSelect;
type ServiceRow = typeof caseServices.$inferSelect;

export function serviceOverdue(s: Pick<ServiceRow, "status" | "dueDate">, now: Date): boolean {
  return (s.status === "planned" || s.status === "in_progress") && !!s.dueDate && s.dueDate < jakartaDate(now);
}

export function referralOverdue(r: Pick<ReferralRow, "status" | "respondDueAt">, now: Date): boolean {
  return r.status === "sent" && r.respondDueAt.getTime() <= now.getTime();
}

/** `withDetails`: whether the (encrypted) details text leaves, for all rows or per row. */
export async function presentReferrals(
  ctx: AppContext,
  db: Db,
  rows: ReferralRow[],
  caseCodes: Map<string, string>,
  now: Date,
  withDetails: boolean | ((r: ReferralRow) => boolean),
  abilities: (r: ReferralRow) => ReferralView["abilities"],
): Promise<ReferralView[]> {
  const details = typeof withDetails === "function" ? withDetails : () => withDetails;
  const people = await userRefs(
    db,
    rows.flatMap((r) => [r.fromUserId, ...(r.assignedUserId ? [r.assignedUserId] : [])]),
  );
  const ags = await agencyRefs(
    db,
    rows.flatMap((r) => [r.fromAgencyId, r.toAgencyId]),
  );
  const svcIds = rows.map((r) => r.serviceId).filter((x): x is string => !!x);
  const svcs = svcIds.length
    ? await db.select({ id: caseServices.id, type: caseServices.type }).from(caseServices).where(inArray(caseServices.id, svcIds))
    : [];
  const svcType = new Map(svcs.map((s) => [s.id, s.type]));
  const person = (id: string) => {
    const u = people.get(id);
    return { id, displayName: u?.displayName ?? "?" };
  };
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    caseCode: caseCodes.get(r.caseId) ?? "",
    scope: r.scope,
    serviceId: r.serviceId,
    serviceType: r.serviceId ? (svcType.get(r.serviceId) ?? null) : null,
    fromAgency: r.fromAgencyId ? (ags.get(r.fromAgencyId) ?? null) : null,
    fromUser: person(r.fromUserId),
    toAgency: ags.get(r.toAgencyId) ?? { id: r.toAgencyId, name: "?" },
    assignedUser: r.assignedUserId ? person(r.assignedUserId) : null,
    reason: r.reason,
    ...(details(r) ? { details: openText(ctx.keys, r.detailsEnc) } : {}),
    consentBasis: r.consentId ? "consent" : "override",
    status: r.status,
    sentAt: iso(r.sentAt)!,
    respondDueAt: iso(r.respondDueAt)!,
    respondedAt: iso(r.respondedAt),
    rejectReason: r.rejectReason,
    completedAt: iso(r.completedAt),
    revokedAt: iso(r.revokedAt),
    revokeReason: r.revokeReason,
    overdue: referralOverdue(r, now),
    abilities: abilities(r),
  }));
}

/** List row: victims with names only where identity is allowed. */
export async function presentSummaries(
  ctx: AppContext,
  db: Db,
  p: Principal,
  rows: { c: CaseRow; overdueReferrals: number; overdueServices: number; access: CaseAccess }[],
): Promise<CaseSummary[]> {
  const ids = rows.map((r) => r.c.id);
  const victims = ids.length
    ? await db.select().from(casePersons).where(inArray(casePersons.caseId, ids)).orderBy(asc(casePersons.createdAt))
    : [];
  const owners = await userRefs(
    db,
    rows.map((r) => r.c.ownerId),
  );
  return rows.map(({ c, overdueReferrals, overdueServices, access }) => ({
    id: c.id,
    code: c.code,
    access: accessLabel(access),
    origin: c.origin,
    status: c.status,
    traffickingStatus: c.traffickingStatus,
    priority: c.priority,
    regionCode: c.regionCode,
    owner: owners.get(c.ownerId) ?? { id: c.ownerId, displayName: "?", agency: null },
    victims: victims
      .filter((v) => v.caseId === c.id && v.kind === "victim")
      .map((v) => presentPerson(ctx.keys, v, { identity: casePolicy.can(p, "readIdentity", access) })),
    overdueReferrals,
    overdueServices,
    createdAt: iso(c.createdAt)!,
    updatedAt: iso(c.updatedAt)!,
    closedAt: iso(c.closedAt),
  }));
}

export async function presentDetail(ctx: AppContext, db: Db, p: Principal, c: CaseRow, a: CaseAccess, now: Date): Promise<CaseDetail> {
  const identity = casePolicy.can(p, "readIdentity", a);
  const narrative = casePolicy.can(p, "readNarrative", a);
  const serviceOnly = a.level === "referral" && a.scope === "service";
  const aggregate = a.level === "aggregate";

  // One query at a time: `db` may be a transaction (reading a case is audited in one), a single connection.
  const members = await db.select().from(caseMembers).where(eq(caseMembers.caseId, c.id)).orderBy(asc(caseMembers.addedAt));
  const reports = await db.select({ reportId: caseReports.reportId }).from(caseReports).where(eq(caseReports.caseId, c.id));
  const { persons, events, services, legal, notes, consents, referrals } = await caseRecordRows(db, c.id);
  const assessments = await db
    .select()
    .from(caseAssessments)
    .where(eq(caseAssessments.caseId, c.id))
    .orderBy(asc(caseAssessments.assessedAt));
  const activeMembers = members.filter((m) => m.removedAt === null);
  const people = await userRefs(db, [
    c.ownerId,
    ...activeMembers.map((m) => m.userId),
    ...notes.map((n) => n.authorId ?? "").filter(Boolean),
  ]);
  const ags = await agencyRefs(db, [...services.map((s) => s.providerAgencyId), ...consents.map((x) => x.agencyId)]);
  const visibleServices = serviceOnly ? services.filter((s) => a.serviceIds.includes(s.id)) : services;
  const visibleReferrals = serviceOnly ? referrals.filter((r) => a.referralIds.includes(r.id)) : referrals;
  const visiblePersons = persons.filter((x) => (narrative ? true : x.kind === "victim"));

  return {
    id: c.id,
    code: c.code,
    access: accessLabel(a),
    origin: c.origin,
    status: c.status,
    traffickingStatus: c.traffickingStatus,
    traffickingStatusOrg: c.traffickingStatusOrg,
    traffickingStatusAt: iso(c.traffickingStatusAt),
    priority: c.priority,
    regionCode: c.regionCode,
    owner: people.get(c.ownerId) ?? { id: c.ownerId, displayName: "?", agency: null },
    ...(narrative ? { summary: openText(ctx.keys, c.summaryEnc), closureNote: openText(ctx.keys, c.closureNoteEnc) } : {}),
    closureReason: c.closureReason,
    reopenedAt: iso(c.reopenedAt),
    victims: persons.filter((x) => x.kind === "victim").map((x) => presentPerson(ctx.keys, x, { identity })),
    overdueReferrals: referrals.filter((r) => referralOverdue(r, now)).length,
    overdueServices: services.filter((s) => serviceOverdue(s, now)).length,
    createdAt: iso(c.createdAt)!,
    updatedAt: iso(c.updatedAt)!,
    closedAt: iso(c.closedAt),
    team: activeMembers.map((m) => ({
      user: people.get(m.userId) ?? { id: m.userId, displayName: "?", agency: null },
      role: m.role,
      addedAt: iso(m.addedAt)!,
    })),
    reportIds: serviceOnly ? [] : reports.map((r) => r.reportId),
    persons: visiblePersons.map((x) => presentPerson(ctx.keys, x, { identity })),
    events: serviceOnly
      ? []
      : events.map((e) => ({
          id: e.id,
          stage: e.stage,
          country: e.country,
          city: e.city,
          place: aggregate ? null : e.place,
          dateFrom: e.dateFrom,
          dateTo: e.dateTo,
          recruitmentMethods: e.recruitmentMethods,
          recruitmentApps: e.recruitmentApps,
          controlMethods: e.controlMethods,
          exploitationTypes: e.exploitationTypes,
          forcedLabourIndustry: e.forcedLabourIndustry,
          ...(narrative ? { description: openText(ctx.keys, e.descriptionEnc) } : {}),
        })),
    assessments:
      serviceOnly || aggregate
        ? []
        : assessments.map((x) => ({
            id: x.id,
            risk: x.risk,
            needs: x.needs,
            ...(narrative ? { summary: openText(ctx.keys, x.summaryEnc) } : {}),
            assessedAt: iso(x.assessedAt)!,
          })),
    services: visibleServices.map((s) => ({
      id: s.id,
      type: s.type,
      providerAgency: s.providerAgencyId ? (ags.get(s.providerAgencyId) ?? null) : null,
      status: s.status,
      dueDate: s.dueDate,
      deliveredAt: iso(s.deliveredAt),
      overdue: serviceOverdue(s, now),
      ...(aggregate ? {} : { notes: openText(ctx.keys, s.notesEnc) }),
    })),
    legal: serviceOnly
      ? []
      : legal.map((l) => ({
          id: l.id,
          stage: l.stage,
          date: l.date,
          articles: l.articles,
          reference: aggregate ? null : l.reference,
          ...(narrative ? { notes: openText(ctx.keys, l.notesEnc) } : {}),
        })),
    notes:
      narrative || a.level === "referral"
        ? notes
            .filter((n) => narrative || n.authorId === p.id)
            .map((n) => ({
              id: n.id,
              body: openText(ctx.keys, n.bodyEnc) ?? "",
              author: n.authorId ? { id: n.authorId, displayName: people.get(n.authorId)?.displayName ?? "?" } : null,
              createdAt: iso(n.createdAt)!,
            }))
        : [],
    consents: aggregate
      ? []
      : consents.map((x) => ({
          id: x.id,
          personId: x.personId,
          purpose: x.purpose,
          agency: x.agencyId ? (ags.get(x.agencyId) ?? null) : null,
          given: x.given,
          method: x.method,
          recordedAt: iso(x.recordedAt)!,
          withdrawnAt: iso(x.withdrawnAt),
        })),
    referrals: await presentReferrals(ctx, db, visibleReferrals, new Map([[c.id, c.code]]), now, narrative, (r) =>
      referralAbilities(p, referralRelation(p, r, a), r.status),
    ),
    abilities: caseAbilities(p, a, c.status),
  };
}
