// What a case holds: persons, trafficking events, assessments, the service plan, legal milestones,
// notes and consents. All through CaseService.inCase: 404 outside the audience, audited in the same transaction.
import { and, eq, isNull } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import { agencies } from "../../db/schema";
import type { Db } from "../../db/client";
import { AppError, invalid, notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { jakartaDate } from "../../lib/working-days";
import { casePolicy } from "./cases.policy";
import type {
  AssessmentInputSchema,
  ConsentInputSchema,
  EventInput,
  LegalInputSchema,
  PersonInput,
  PersonUpdate,
  PersonView,
  ServiceInputSchema,
  ServiceUpdate,
} from "./cases.schema";
import type { CaseService } from "./cases.service";
import {
  caseAssessments,
  caseConsents,
  cases as casesTable,
  caseEvents,
  caseLegalMilestones,
  caseNotes,
  casePersons,
  caseServices,
} from "./cases.tables";
import { presentPerson, sealPerson, sealText } from "./cases.persons";
import { enforceSharingConsent } from "./cases.referrals";
import type { z } from "zod";

type Id = { id: string };

async function agencyExists(db: Db, tenant: string, id: string): Promise<boolean> {
  const [a] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, id), eq(agencies.tenant, tenant)));
  return !!a;
}

/** A birth date cannot lie after today (Asia/Jakarta). */
function checkBirthDate(birthDate: string | null | undefined, now: Date): void {
  if (birthDate && birthDate > jakartaDate(now)) throw invalid({ birthDate: { code: "invalid" } });
}

export class CaseRecordsService {
  constructor(private readonly cases: CaseService) {}
  private get ctx() {
    return this.cases.ctx;
  }

  async addPerson(p: Principal, actor: AuditActor, caseId: string, input: PersonInput, now = new Date()): Promise<PersonView> {
    checkBirthDate(input.birthDate, now);
    await this.cases.checkRegions({ desaCode: input.desaCode });
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.person_add",
      "edit",
      async (tx, c) => presentPerson(this.ctx.keys, await this.cases.insertPerson(tx, c.tenant, c.id, input, now), { identity: true }),
      (r) => ({ personId: r.id, kind: input.kind }),
    );
  }

  async updatePerson(
    p: Principal,
    actor: AuditActor,
    caseId: string,
    personId: string,
    patch: PersonUpdate,
    now = new Date(),
  ): Promise<PersonView> {
    checkBirthDate(patch.birthDate, now);
    await this.cases.checkRegions({ desaCode: patch.desaCode });
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.person_update",
      "edit",
      async (tx) => {
        const [row] = await tx
          .update(casePersons)
          .set({ ...sealPerson(this.ctx.keys, patch, jakartaDate(now)), updatedAt: now })
          .where(and(eq(casePersons.id, personId), eq(casePersons.caseId, caseId)))
          .returning();
        if (!row) throw notFound();
        await this.cases.reindexPerson(tx, row);
        return presentPerson(this.ctx.keys, row, { identity: true });
      },
      () => ({ personId, fields: Object.keys(patch) }),
    );
  }

  /** The audited read of one person at the caller's access level. */
  getPerson(p: Principal, actor: AuditActor, caseId: string, personId: string): Promise<PersonView> {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.person_read",
      "read",
      async (tx, _c, a) => {
        const [row] = await tx
          .select()
          .from(casePersons)
          .where(and(eq(casePersons.id, personId), eq(casePersons.caseId, caseId)));
        // Family members and perpetrators belong to the narrative: not for service referrals or coordinators.
        if (!row || (row.kind !== "victim" && !casePolicy.can(p, "readNarrative", a))) throw notFound();
        return presentPerson(this.ctx.keys, row, { identity: casePolicy.can(p, "readIdentity", a) });
      },
      () => ({ personId }),
    );
  }

  addEvent(p: Principal, actor: AuditActor, caseId: string, e: EventInput): Promise<Id> {
    if (e.dateFrom && e.dateTo && e.dateTo < e.dateFrom) throw invalid({ dateTo: { code: "invalid" } });
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.event_add",
      "edit",
      async (tx, c) => {
        const [row] = await tx
          .insert(caseEvents)
          .values({
            tenant: c.tenant,
            caseId,
            stage: e.stage,
            country: e.country ?? null,
            city: e.city ?? null,
            place: e.place ?? null,
            dateFrom: e.dateFrom ?? null,
            dateTo: e.dateTo ?? null,
            recruitmentMethods: e.recruitmentMethods ?? [],
            recruitmentApps: e.recruitmentApps ?? [],
            controlMethods: e.controlMethods ?? [],
            exploitationTypes: e.exploitationTypes ?? [],
            forcedLabourIndustry: e.forcedLabourIndustry ?? null,
            descriptionEnc: sealText(this.ctx.keys, e.description),
            createdBy: p.id,
          })
          .returning({ id: caseEvents.id });
        return row!;
      },
      (r) => ({ eventId: r.id, stage: e.stage }),
    );
  }

  addAssessment(
    p: Principal,
    actor: AuditActor,
    caseId: string,
    input: z.infer<typeof AssessmentInputSchema>,
    now = new Date(),
  ): Promise<Id> {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.assessment_add",
      "edit",
      async (tx, c) => {
        const [row] = await tx
          .insert(caseAssessments)
          .values({
            tenant: c.tenant,
            caseId,
            risk: input.risk,
            needs: input.needs,
            summaryEnc: sealText(this.ctx.keys, input.summary),
            assessedBy: p.id,
            assessedAt: now,
          })
          .returning({ id: caseAssessments.id });
        // Assessing an open case moves it along.
        if (c.status === "open") await tx.update(casesTable).set({ status: "under_assessment" }).where(eq(casesTable.id, caseId));
        return row!;
      },
      (r) => ({ assessmentId: r.id, risk: input.risk }),
    );
  }

  addService(p: Principal, actor: AuditActor, caseId: string, input: z.infer<typeof ServiceInputSchema>): Promise<Id> {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.service_add",
      "edit",
      async (tx, c) => {
        if (input.providerAgencyId && !(await agencyExists(tx, c.tenant, input.providerAgencyId)))
          throw invalid({ providerAgencyId: { code: "agency_unknown" } });
        const [row] = await tx
          .insert(caseServices)
          .values({
            tenant: c.tenant,
            caseId,
            type: input.type,
            providerAgencyId: input.providerAgencyId ?? null,
            dueDate: input.dueDate ?? null,
            notesEnc: sealText(this.ctx.keys, input.notes),
            createdBy: p.id,
          })
          .returning({ id: caseServices.id });
        return row!;
      },
      (r) => ({ serviceId: r.id, type: input.type }),
    );
  }

  /** The team updates any service; a referral recipient only the services its referral covers (or all, for a whole-case referral). */
  updateService(p: Principal, actor: AuditActor, caseId: string, serviceId: string, patch: ServiceUpdate, now = new Date()): Promise<Id> {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.service_update",
      "updateService",
      async (tx, c, a) => {
        if (a.level === "referral" && a.scope === "service" && !a.serviceIds.includes(serviceId)) throw notFound();
        // Recipients report progress; planning (provider, due date) stays with the team.
        if (a.level === "referral" && (patch.providerAgencyId !== undefined || patch.dueDate !== undefined))
          throw new AppError("forbidden");
        if (patch.providerAgencyId && !(await agencyExists(tx, c.tenant, patch.providerAgencyId)))
          throw invalid({ providerAgencyId: { code: "agency_unknown" } });
        const [row] = await tx
          .update(caseServices)
          .set({
            ...(patch.status !== undefined ? { status: patch.status, deliveredAt: patch.status === "delivered" ? now : null } : {}),
            ...(patch.providerAgencyId !== undefined ? { providerAgencyId: patch.providerAgencyId } : {}),
            ...(patch.dueDate !== undefined ? { dueDate: patch.dueDate, escalatedAt: null } : {}),
            ...(patch.notes !== undefined ? { notesEnc: sealText(this.ctx.keys, patch.notes) } : {}),
            updatedAt: now,
          })
          .where(and(eq(caseServices.id, serviceId), eq(caseServices.caseId, caseId)))
          .returning({ id: caseServices.id });
        if (!row) throw notFound();
        return row;
      },
      () => ({ serviceId, fields: Object.keys(patch), ...(patch.status ? { status: patch.status } : {}) }),
      // A referral recipient's work does not end when the team closes the case (accepted referrals stay
      // open to be completed), so recipients still report progress; the team reopens to edit.
      (a) => a.level === "referral",
    );
  }

  addLegal(p: Principal, actor: AuditActor, caseId: string, input: z.infer<typeof LegalInputSchema>): Promise<Id> {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.legal_add",
      "recordLegal",
      async (tx, c) => {
        const [row] = await tx
          .insert(caseLegalMilestones)
          .values({
            tenant: c.tenant,
            caseId,
            stage: input.stage,
            date: input.date,
            articles: input.articles,
            reference: input.reference ?? null,
            notesEnc: sealText(this.ctx.keys, input.notes),
            createdBy: p.id,
          })
          .returning({ id: caseLegalMilestones.id });
        return row!;
      },
      (r) => ({ milestoneId: r.id, stage: input.stage }),
    );
  }

  addNote(p: Principal, actor: AuditActor, caseId: string, body: string, now = new Date()): Promise<{ id: number }> {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      "case.note_add",
      "note",
      async (tx, c) => {
        const [row] = await tx
          .insert(caseNotes)
          .values({
            tenant: c.tenant,
            caseId,
            bodyEnc: sealText(this.ctx.keys, body)!,
            authorId: p.id,
            authorAgencyId: p.agencyId,
            createdAt: now,
          })
          .returning({ id: caseNotes.id });
        return row!;
      },
      (r) => ({ noteId: r.id }),
    );
  }

  addConsent(p: Principal, actor: AuditActor, caseId: string, input: z.infer<typeof ConsentInputSchema>, now = new Date()): Promise<Id> {
    if (input.purpose === "share_with_agency" && !input.agencyId) throw invalid({ agencyId: { code: "required" } });
    return this.cases
      .inCase(
        p,
        actor,
        caseId,
        "case.consent_record",
        "edit",
        async (tx, c) => {
          if (input.agencyId && !(await agencyExists(tx, c.tenant, input.agencyId)))
            throw invalid({ agencyId: { code: "agency_unknown" } });
          if (input.personId) {
            const [person] = await tx
              .select({ id: casePersons.id })
              .from(casePersons)
              .where(and(eq(casePersons.id, input.personId), eq(casePersons.caseId, caseId)));
            if (!person) throw invalid({ personId: { code: "invalid" } });
          }
          const [row] = await tx
            .insert(caseConsents)
            .values({
              tenant: c.tenant,
              caseId,
              personId: input.personId ?? null,
              purpose: input.purpose,
              agencyId: input.purpose === "share_with_agency" ? input.agencyId! : (input.agencyId ?? null),
              given: input.given,
              method: input.method,
              recordedBy: p.id,
              recordedAt: now,
            })
            .returning({ id: caseConsents.id });
          // A refusal recorded after a consent replaces it: referrals resting on that consent end.
          const endedReferrals =
            input.purpose === "share_with_agency" && !input.given
              ? await enforceSharingConsent(this.ctx, tx, actor, c, input.agencyId!, now)
              : [];
          return { id: row!.id, endedReferrals };
        },
        (r) => ({
          consentId: r.id,
          purpose: input.purpose,
          agencyId: input.agencyId ?? null,
          given: input.given,
          endedReferrals: r.endedReferrals,
        }),
        // A refusal only narrows sharing (and ends referrals resting on consent): the victim's word counts after closure too.
        () => !input.given,
      )
      .then((r) => ({ id: r.id }));
  }

  withdrawConsent(p: Principal, actor: AuditActor, caseId: string, consentId: string, now = new Date()): Promise<Id> {
    return this.cases
      .inCase(
        p,
        actor,
        caseId,
        "case.consent_withdraw",
        "edit",
        async (tx, c) => {
          const [row] = await tx
            .update(caseConsents)
            .set({ withdrawnAt: now, withdrawnBy: p.id })
            .where(and(eq(caseConsents.id, consentId), eq(caseConsents.caseId, caseId), isNull(caseConsents.withdrawnAt)))
            .returning({ id: caseConsents.id, purpose: caseConsents.purpose, agencyId: caseConsents.agencyId });
          if (!row) throw notFound();
          // No consent left to share with that agency: referrals to it that rested on consent end now.
          const endedReferrals =
            row.purpose === "share_with_agency" && row.agencyId
              ? await enforceSharingConsent(this.ctx, tx, actor, c, row.agencyId, now)
              : [];
          return { id: row.id, endedReferrals };
        },
        (r) => ({ consentId, endedReferrals: r.endedReferrals }),
        // Withdrawing consent ends access at once, whether or not the case is closed.
        () => true,
      )
      .then((r) => ({ id: r.id }));
  }
}
