// What erasing a record means, one function per kind, shared by the retention job and data-subject
// requests. Personal fields are nulled (or emptied where the column is NOT NULL), keyed hashes and files
// are deleted; the statistical skeleton stays (dates, category, status, outcome, kecamatan/desa, sex, age
// band, PMI status, purpose, decision), so every count and chart still includes the record. Each erased
// record gets a `retention_erasures` row. Runs inside the caller's transaction; files are removed after
// commit by `removeFiles`.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { encrypt, type KeyRing } from "../../lib/crypto";
import { AttachmentStore } from "../../lib/uploads/attachments";
import type { FileKind } from "../../lib/uploads/orphan-files";
import {
  caseAssessments,
  caseDocuments,
  caseEvents,
  caseLegalMilestones,
  caseNotes,
  casePersonIdentifiers,
  casePersons,
  caseReferrals,
  caseReports,
  caseServices,
  cases,
} from "../cases/cases.tables";
import { intelMentions } from "../intel/intel.tables";
import { outreachSessionPhotos } from "../outreach/outreach.tables";
import { publicReports, reportAttachments, reportEvents, reportForwards, reportIdentifiers } from "../reports/reports.tables";
import { screeningReferrals, screeningReviews, screenings, screeningVisits } from "../screening/screening.tables";
import { volunteers, volunteerTrainings } from "../volunteers/volunteers.tables";
import { type ErasureKind, legalHolds, retentionErasures } from "./retention.tables";

export const REPORT_FILES: FileKind = { folder: "attachments", sha256: reportAttachments.sha256 };
export const CASE_FILES: FileKind = { folder: "case-documents", sha256: caseDocuments.sha256 };
export const PHOTO_FILES: FileKind = { folder: "outreach-photos", sha256: outreachSessionPhotos.sha256 };

/** Files whose rows an erasure deleted, per store; removed after the commit when no other row names them. */
export type FileRemovals = Map<FileKind, Set<string>>;

export type Erasure = { tenant: string; cause: "retention" | "request"; requestId?: string | null; files: FileRemovals };

async function mark(tx: Db, e: Erasure, kind: ErasureKind, recordId: string): Promise<void> {
  await tx
    .insert(retentionErasures)
    .values({ tenant: e.tenant, kind, recordId, cause: e.cause, requestId: e.requestId ?? null })
    .onConflictDoNothing();
}

/** The names that intelligence mentions copied from an erased record (report, case, screening) go. */
async function unnameMentions(tx: Db, source: "report" | "case" | "screening", sourceId: string): Promise<void> {
  await tx
    .update(intelMentions)
    .set({ nameEnc: null })
    .where(and(eq(intelMentions.source, source), eq(intelMentions.sourceId, sourceId)));
}

function queueFiles(e: Erasure, kind: FileKind, shas: string[]): void {
  if (!shas.length) return;
  const set = e.files.get(kind) ?? new Set<string>();
  for (const s of shas) set.add(s);
  e.files.set(kind, set);
}

/** Removes the queued files that no row references any more (run after the erasure's commit). */
export async function removeFiles(db: Db, dataDir: string, files: FileRemovals): Promise<number> {
  let removed = 0;
  // A file (re)written in the last minute belongs to an upload in progress: left to the orphan sweep.
  const cutoff = new Date(Date.now() - 60_000);
  for (const [kind, set] of files) {
    const shas = [...set];
    if (!shas.length) continue;
    const used = new Set(
      (await db.select({ sha: kind.sha256 }).from(kind.sha256.table).where(inArray(kind.sha256, shas))).map((r) => r.sha as string),
    );
    const store = new AttachmentStore(dataDir, kind.folder);
    for (const sha of shas) if (!used.has(sha) && (await store.remove(sha, cutoff).catch(() => false))) removed++;
  }
  return removed;
}

/** Active legal holds of these cases (case id → true). */
export async function heldCases(db: Db, tenant: string, caseIds: string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const rows = await db
    .select({ caseId: legalHolds.caseId })
    .from(legalHolds)
    .where(and(eq(legalHolds.tenant, tenant), inArray(legalHolds.caseId, caseIds), isNull(legalHolds.releasedAt)));
  return new Set(rows.map((r) => r.caseId));
}

/** Reports that belong to a held case (through the report's case or a case link) are held too. */
export async function heldReports(db: Db, tenant: string, reportIds: string[]): Promise<Set<string>> {
  if (!reportIds.length) return new Set();
  const rows = await db
    .selectDistinct({ id: publicReports.id })
    .from(publicReports)
    .leftJoin(caseReports, eq(caseReports.reportId, publicReports.id))
    .innerJoin(
      legalHolds,
      and(isNull(legalHolds.releasedAt), or(eq(legalHolds.caseId, publicReports.caseId), eq(legalHolds.caseId, caseReports.caseId))),
    )
    .where(and(eq(publicReports.tenant, tenant), inArray(publicReports.id, reportIds)));
  return new Set(rows.map((r) => r.id));
}

/** A report's personal fields: reporter, people, narrative, place text, contact hashes, attachments, notes. */
export async function eraseReport(tx: Db, e: Erasure, reportId: string): Promise<void> {
  await tx
    .update(publicReports)
    .set({
      reporterEnc: null,
      peopleEnc: null,
      description: null,
      offerText: null,
      placeText: null,
      occurredText: null,
      companies: [],
      descriptionEnc: null,
      offerTextEnc: null,
      placeTextEnc: null,
      occurredTextEnc: null,
      companiesEnc: null,
      // The keyed word tokens would still let a search find the report by the words it held.
      searchTokens: [],
      updatedAt: new Date(),
    })
    .where(and(eq(publicReports.id, reportId), eq(publicReports.tenant, e.tenant)));
  await tx.delete(reportIdentifiers).where(eq(reportIdentifiers.reportId, reportId));
  await tx
    .update(reportEvents)
    .set({ publicNote: null, internalNote: null, publicNoteEnc: null, internalNoteEnc: null })
    .where(eq(reportEvents.reportId, reportId));
  await tx.update(reportForwards).set({ instruction: "" }).where(eq(reportForwards.reportId, reportId));
  const files = await tx
    .delete(reportAttachments)
    .where(eq(reportAttachments.reportId, reportId))
    .returning({ sha: reportAttachments.sha256 });
  queueFiles(
    e,
    REPORT_FILES,
    files.map((f) => f.sha),
  );
  await unnameMentions(tx, "report", reportId);
  await mark(tx, e, "report", reportId);
}

const PERSON_ERASED = {
  nameEnc: null,
  nikEnc: null,
  birthDateEnc: null,
  phonesEnc: null,
  addressEnc: null,
  aliasesEnc: null,
  bankAccountsEnc: null,
  relationship: null,
} as const;

/** One person of a case: identity fields and keyed hashes (sex, age band, desa, PMI status stay). */
export async function eraseCasePerson(tx: Db, e: Erasure, personId: string): Promise<void> {
  await tx
    .update(casePersons)
    .set({ ...PERSON_ERASED, updatedAt: new Date() })
    .where(and(eq(casePersons.id, personId), eq(casePersons.tenant, e.tenant)));
  await tx.delete(casePersonIdentifiers).where(eq(casePersonIdentifiers.personId, personId));
  await tx.delete(intelMentions).where(and(eq(intelMentions.source, "case"), eq(intelMentions.profile, personId)));
  await mark(tx, e, "case_person", personId);
}

/** A whole case: every person, narrative, note and document; the case's statistics fields stay. */
export async function eraseCase(tx: Db, e: Erasure, caseId: string): Promise<void> {
  const now = new Date();
  await tx
    .update(cases)
    .set({ summaryEnc: null, closureNoteEnc: null, updatedAt: now })
    .where(and(eq(cases.id, caseId), eq(cases.tenant, e.tenant)));
  await tx
    .update(casePersons)
    .set({ ...PERSON_ERASED, updatedAt: now })
    .where(eq(casePersons.caseId, caseId));
  await tx.delete(casePersonIdentifiers).where(eq(casePersonIdentifiers.caseId, caseId));
  await tx.update(caseEvents).set({ descriptionEnc: null, place: null }).where(eq(caseEvents.caseId, caseId));
  await tx.update(caseAssessments).set({ summaryEnc: null }).where(eq(caseAssessments.caseId, caseId));
  await tx.update(caseServices).set({ notesEnc: null }).where(eq(caseServices.caseId, caseId));
  await tx.update(caseLegalMilestones).set({ notesEnc: null }).where(eq(caseLegalMilestones.caseId, caseId));
  await tx.delete(caseNotes).where(eq(caseNotes.caseId, caseId));
  await tx
    .update(caseReferrals)
    .set({ detailsEnc: null, overrideReasonEnc: null, rejectReason: null, revokeReason: null })
    .where(eq(caseReferrals.caseId, caseId));
  const docs = await tx.delete(caseDocuments).where(eq(caseDocuments.caseId, caseId)).returning({ sha: caseDocuments.sha256 });
  queueFiles(
    e,
    CASE_FILES,
    docs.map((d) => d.sha),
  );
  await unnameMentions(tx, "case", caseId);
  await mark(tx, e, "case", caseId);
}

/**
 * A screening's applicant (and, for the retention job, the whole interview's narrative). The applicant's
 * name column is NOT NULL: it holds the encryption of an empty name, so every reader keeps working.
 */
export async function eraseScreening(tx: Db, keys: KeyRing, e: Erasure, screeningId: string, whole: boolean): Promise<void> {
  await tx
    .update(screenings)
    .set({
      nameEnc: encrypt(keys, ""),
      nikEnc: null,
      nikHash: null,
      phoneEnc: null,
      phoneHash: null,
      ...(whole ? { sponsorEnc: null, routeEnc: null, offerTextEnc: null, noteEnc: null } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(screenings.id, screeningId), eq(screenings.tenant, e.tenant)));
  if (whole) {
    await tx.update(screeningReviews).set({ noteEnc: null }).where(eq(screeningReviews.screeningId, screeningId));
    await tx.update(screeningReferrals).set({ outcomeEnc: null }).where(eq(screeningReferrals.screeningId, screeningId));
    await tx.update(screeningVisits).set({ outcomeEnc: null }).where(eq(screeningVisits.screeningId, screeningId));
    await unnameMentions(tx, "screening", screeningId);
  }
  await mark(tx, e, "screening", screeningId);
}

/** A volunteer's record: name, phone and notes (the desa assignment and training dates stay for the programme's figures). */
export async function eraseVolunteer(tx: Db, e: Erasure, volunteerId: string): Promise<void> {
  await tx
    .update(volunteers)
    .set({ name: "", nameEnc: null, phoneEnc: null, notes: null, active: false, updatedAt: new Date() })
    .where(and(eq(volunteers.id, volunteerId), eq(volunteers.tenant, e.tenant)));
  await tx.update(volunteerTrainings).set({ notes: null }).where(eq(volunteerTrainings.volunteerId, volunteerId));
  await mark(tx, e, "volunteer", volunteerId);
}

/** Records of `kind` already erased (by either cause) among `ids`. */
export async function alreadyErased(db: Db, kind: ErasureKind, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: retentionErasures.recordId })
    .from(retentionErasures)
    .where(and(eq(retentionErasures.kind, kind), inArray(retentionErasures.recordId, ids)));
  return new Set(rows.map((r) => r.id));
}

export const NOT_ERASED = (kind: ErasureKind, id: unknown) =>
  sql`NOT EXISTS (SELECT 1 FROM retention_erasures x WHERE x.kind = ${kind} AND x.record_id = ${id} AND x.cause = 'retention')`;
