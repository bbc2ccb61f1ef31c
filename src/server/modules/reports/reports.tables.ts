// Public reports (pengaduan): the report, its timeline, forwards to agencies, attachments,
// keyed hashes of contacts for linking, and in-app notifications (escalations).
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, requiredRef, tenantRecord, ts, updatedAt } from "../../db/columns";
import { agencies, users } from "../../db/schema";
import { IDENTIFIER_KINDS } from "../../lib/identifiers";
import { REPORT_CATEGORIES, REPORT_OUTCOMES, REPORT_STATUSES } from "../../../core/reports";

export { IDENTIFIER_KINDS, type IdentifierKind } from "../../lib/identifiers";

export const EVENT_KINDS = [
  "received",
  "verified",
  "rejected",
  "forwarded",
  "agency_response",
  "note",
  "closed",
  "reopened",
  "escalated",
  /** The report became a case (staff only; shown to those who may see that case). */
  "case_created",
] as const;

export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];

/** Purpose of the keyed search tokens of reports (lib/search-tokens.ts). */
export const REPORT_SEARCH = "report";

export const publicReports = pgTable(
  "public_reports",
  {
    ...tenantRecord(),
    /** 10 characters from an alphabet without 0/O/1/I; shown as XXXXX-XXXXX. */
    trackingCode: text("tracking_code").notNull(),
    /** Keyed hash of the client's submission id: the idempotency key, never the raw id. */
    submissionHash: text("submission_hash").notNull(),
    /** Keyed hash (HMAC) of tracking code + PIN; the PIN itself is never stored. */
    pinHash: text("pin_hash").notNull(),
    pinFailures: integer("pin_failures").notNull().default(0),
    pinLockedUntil: ts("pin_locked_until"),
    category: text("category", { enum: REPORT_CATEGORIES }).notNull(),
    /**
     * AES-GCM ciphertexts of the narrative (what happened, the offer, the place, the time in words, the
     * companies named). The plaintext columns beside them are legacy: emptied at start by
     * `sealLegacyReportText` (reports.service.ts), never written.
     */
    descriptionEnc: text("description_enc"),
    offerTextEnc: text("offer_text_enc"),
    placeTextEnc: text("place_text_enc"),
    occurredTextEnc: text("occurred_text_enc"),
    /** JSON array of the company names, sealed. */
    companiesEnc: text("companies_enc"),
    /** Keyed 64-bit tokens of the words of description, offer, place and companies (lib/search-tokens.ts). */
    searchTokens: bigint("search_tokens", { mode: "bigint" }).array().notNull().default(sql`'{}'::bigint[]`),
    /** Legacy plaintext (see descriptionEnc). */
    description: text("description"),
    offerText: text("offer_text"),
    /** Desa (or kecamatan) code inside the regency, when the reporter picked one. */
    regionCode: text("region_code"),
    /** Kecamatan code derived from regionCode, for the queue filter and jurisdiction scope. */
    kecamatanCode: text("kecamatan_code"),
    /** Free-text place (elsewhere in Indonesia or abroad). */
    placeText: text("place_text"),
    /** When it happened: ISO date (YYYY-MM-DD) and/or free text ("sejak Januari"). */
    occurredOn: text("occurred_on"),
    occurredText: text("occurred_text"),
    anonymous: boolean("anonymous").notNull().default(true),
    /** AES-GCM ciphertext of the reporter's name and contacts (JSON), null when anonymous. */
    reporterEnc: text("reporter_enc"),
    /** AES-GCM ciphertext of the people and contacts involved (JSON array). */
    peopleEnc: text("people_enc"),
    /** Legacy plaintext (see descriptionEnc). */
    companies: text("companies").array().notNull().default(sql`'{}'::text[]`),
    consent: boolean("consent").notNull().default(false),
    locale: text("locale").notNull().default("id"),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("received"),
    receivedAt: ts("received_at").notNull().defaultNow(),
    verifyDueAt: ts("verify_due_at").notNull(),
    verifiedAt: ts("verified_at"),
    verifyEscalatedAt: ts("verify_escalated_at"),
    closedAt: ts("closed_at"),
    /**
     * The earliest deadline the report still waits on: its verification deadline while received, else the
     * first-response deadline of an agency that has not answered; null once closed or rejected. Kept by
     * database triggers on this table and report_forwards (migration 0017), so "overdue" is
     * `next_due_at <= now`, countable from an index (dashboard).
     */
    nextDueAt: ts("next_due_at"),
    outcome: text("outcome", { enum: REPORT_OUTCOMES }),
    /** Set when the report becomes a case (cases module). */
    caseId: uuid("case_id"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("public_reports_tracking_code_uq").on(t.trackingCode),
    uniqueIndex("public_reports_submission_uq").on(t.tenant, t.submissionHash),
    index("public_reports_queue_idx").on(t.tenant, t.status, t.receivedAt),
    index("public_reports_kecamatan_idx").on(t.tenant, t.kecamatanCode),
    // Reports per desa and period (village risk, dashboard) read from the index alone; jurisdiction scopes too.
    index("public_reports_region_idx").on(t.tenant, t.regionCode, t.receivedAt),
    index("public_reports_next_due_idx").on(t.tenant, t.status, t.nextDueAt),
    index("public_reports_verify_due_idx").on(t.verifyDueAt).where(sql`status = 'received'`),
    index("public_reports_search_tokens_idx").using("gin", t.searchTokens),
  ],
);

/** The report's timeline. Public lookups show only kind, time and publicNote. */
export const reportEvents = pgTable(
  "report_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenant: text("tenant").notNull(),
    reportId: parentRef("report_id", () => publicReports.id),
    at: ts("at").notNull().defaultNow(),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    /** The status after this event (null when the status did not change). */
    status: text("status", { enum: REPORT_STATUSES }),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    agencyId: uuid("agency_id").references(() => agencies.id),
    /** AES-GCM ciphertexts of the notes; `public_note`/`internal_note` are legacy plaintext, emptied at start. */
    publicNoteEnc: text("public_note_enc"),
    internalNoteEnc: text("internal_note_enc"),
    publicNote: text("public_note"),
    internalNote: text("internal_note"),
    details: jsonb("details").notNull().default({}),
  },
  (t) => [index("report_events_report_idx").on(t.reportId, t.at)],
);

export const reportForwards = pgTable(
  "report_forwards",
  {
    ...tenantRecord(),
    reportId: parentRef("report_id", () => publicReports.id),
    agencyId: requiredRef("agency_id", () => agencies.id),
    instruction: text("instruction").notNull(),
    /** Whether the agency may see the reporter's contact details. */
    shareContact: boolean("share_contact").notNull().default(false),
    forwardedAt: ts("forwarded_at").notNull().defaultNow(),
    forwardedBy: uuid("forwarded_by").references(() => users.id),
    responseDueAt: ts("response_due_at").notNull(),
    firstResponseAt: ts("first_response_at"),
    escalatedAt: ts("escalated_at"),
  },
  (t) => [
    uniqueIndex("report_forwards_report_agency_uq").on(t.reportId, t.agencyId),
    index("report_forwards_agency_idx").on(t.tenant, t.agencyId, t.forwardedAt),
    index("report_forwards_due_idx").on(t.responseDueAt).where(sql`first_response_at IS NULL`),
  ],
);

/** Keyed hashes (HMAC) of normalised phones, handles, bank accounts and e-mails: links reports without storing them readable. */
export const reportIdentifiers = pgTable(
  "report_identifiers",
  {
    tenant: text("tenant").notNull(),
    reportId: parentRef("report_id", () => publicReports.id),
    kind: text("kind", { enum: IDENTIFIER_KINDS }).notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [uniqueIndex("report_identifiers_uq").on(t.reportId, t.kind, t.hash), index("report_identifiers_hash_idx").on(t.tenant, t.hash)],
);

/**
 * Uploaded files. The file is on disk (encrypted, named by the hash of its ciphertext, fsynced) before
 * this row commits, and the row is attached to a report only inside the report's own transaction.
 */
export const reportAttachments = pgTable(
  "report_attachments",
  {
    ...tenantRecord(),
    reportId: uuid("report_id").references(() => publicReports.id, { onDelete: "set null" }),
    /** The file's name in the store: the hash of its ciphertext (of the plain bytes when `file_key_enc` is null). */
    sha256: text("sha256").notNull(),
    /** The file's random data key, sealed with the key ring; null for a file stored before encryption at rest (plain). */
    fileKeyEnc: text("file_key_enc"),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    /** Metadata segments removed while stripping (EXIF, XMP, text chunks…), for the staff view. */
    stripped: text("stripped").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index("report_attachments_report_idx").on(t.reportId), index("report_attachments_sha_idx").on(t.sha256)],
);
