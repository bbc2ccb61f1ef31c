// Victim case management: cases, their team, persons (identity fields encrypted, keyed hashes for exact
// search), trafficking events, assessments, service plan, legal milestones, notes, consents, referrals.
// Picklist columns hold HTCDS 2.0 value names where HTCDS has the concept (see cases.htcds.ts).
import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, parentRef, requiredRef, tenantRecord, timestamps, ts } from "../../db/columns";
import { agencies, users } from "../../db/schema";
import { publicReports } from "../reports/reports.tables";
import {
  AGE_BANDS,
  CASE_ORIGINS,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DECISION_ORGS,
  EVENT_STAGES,
  LEGAL_STAGES,
  PERSON_KINDS,
  PMI_STATUSES,
  PRIORITIES,
  REFERRAL_REASONS,
  REFERRAL_SCOPES,
  REFERRAL_STATUSES,
  RISKS,
  SERVICE_STATUSES,
  SERVICE_TYPES,
  SEXES,
  TRAFFICKING_STATUSES,
} from "../../../core/cases";

export const cases = pgTable(
  "cases",
  {
    ...tenantRecord(),
    /** Human reference, e.g. KS-7K3MQ-XR2PA; carries no personal data. */
    code: text("code").notNull(),
    origin: text("origin", { enum: CASE_ORIGINS }).notNull(),
    status: text("status", { enum: CASE_STATUSES }).notNull().default("open"),
    traffickingStatus: text("trafficking_status", { enum: TRAFFICKING_STATUSES }).notNull().default("potential"),
    traffickingStatusOrg: text("trafficking_status_org", { enum: DECISION_ORGS }),
    traffickingStatusBy: uuid("trafficking_status_by").references(() => users.id),
    traffickingStatusAt: ts("trafficking_status_at"),
    priority: text("priority", { enum: PRIORITIES }).notNull().default("normal"),
    /** Encrypted free-text summary (narratives name people). */
    summaryEnc: text("summary_enc"),
    /** Desa (or kecamatan) of the victim's home: the coordinator's jurisdiction scope and statistics. */
    regionCode: text("region_code"),
    ownerId: requiredRef("owner_id", () => users.id),
    ownerAgencyId: uuid("owner_agency_id").references(() => agencies.id),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
    closedAt: ts("closed_at"),
    closureReason: text("closure_reason", { enum: CLOSURE_REASONS }),
    closureNoteEnc: text("closure_note_enc"),
    reopenedAt: ts("reopened_at"),
  },
  (t) => [
    uniqueIndex("cases_code_uq").on(t.code),
    index("cases_tenant_status_idx").on(t.tenant, t.status, t.createdAt),
    index("cases_tenant_region_idx").on(t.tenant, t.regionCode),
  ],
);

/** The case team: the owner and members, each with the agency they act for. */
export const caseMembers = pgTable(
  "case_members",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    userId: requiredRef("user_id", () => users.id),
    agencyId: uuid("agency_id").references(() => agencies.id),
    role: text("role", { enum: ["owner", "member"] }).notNull(),
    addedAt: ts("added_at").notNull().defaultNow(),
    addedBy: uuid("added_by").references(() => users.id),
    removedAt: ts("removed_at"),
  },
  (t) => [
    uniqueIndex("case_members_active_uq").on(t.caseId, t.userId).where(sql`removed_at IS NULL`),
    index("case_members_user_idx").on(t.userId).where(sql`removed_at IS NULL`),
  ],
);

/** Public reports that led to or belong to a case. */
export const caseReports = pgTable(
  "case_reports",
  {
    tenant: text("tenant").notNull(),
    caseId: parentRef("case_id", () => cases.id),
    reportId: requiredRef("report_id", () => publicReports.id),
    linkedAt: ts("linked_at").notNull().defaultNow(),
    linkedBy: uuid("linked_by").references(() => users.id),
  },
  (t) => [uniqueIndex("case_reports_uq").on(t.caseId, t.reportId), index("case_reports_report_idx").on(t.reportId)],
);

/**
 * Victims, family members and perpetrators. Identity fields are AES-GCM ciphertexts (`*_enc`);
 * sex, age band, desa and PMI status stay readable for statistics.
 */
export const casePersons = pgTable(
  "case_persons",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    kind: text("kind", { enum: PERSON_KINDS }).notNull(),
    nameEnc: text("name_enc"),
    nikEnc: text("nik_enc"),
    birthDateEnc: text("birth_date_enc"),
    /** JSON array of phone numbers, encrypted. */
    phonesEnc: text("phones_enc"),
    addressEnc: text("address_enc"),
    /** Perpetrators: JSON arrays of aliases and bank accounts, encrypted. */
    aliasesEnc: text("aliases_enc"),
    bankAccountsEnc: text("bank_accounts_enc"),
    /** Company names are business data, readable (as in reports and the P3MI registry). */
    companies: text("companies").array().notNull().default(sql`'{}'::text[]`),
    sex: text("sex", { enum: SEXES }).notNull().default("unknown"),
    ageBand: text("age_band", { enum: AGE_BANDS }).notNull().default("unknown"),
    desaCode: text("desa_code"),
    pmiStatus: text("pmi_status", { enum: PMI_STATUSES }).notNull().default("unknown"),
    /** ISO 3166 alpha-2 codes (HTCDS prs_Citizenship). */
    citizenship: text("citizenship").array().notNull().default(sql`'{}'::text[]`),
    /** Family: relation to the victim (free, short: "ibu", "suami"). */
    relationship: text("relationship"),
    /** Perpetrators: HTCDS per_RoleInProcess value names. */
    perpetratorRoles: text("perpetrator_roles").array().notNull().default(sql`'{}'::text[]`),
    /** Victims: HTCDS vic_RelationshipToTrafficker. */
    relationshipToTrafficker: text("relationship_to_trafficker", { enum: ["Familial", "Acquainted", "Unaquainted"] }),
    ageWhenTrafficked: integer("age_when_trafficked"),
    ...timestamps(),
  },
  (t) => [index("case_persons_case_idx").on(t.caseId)],
);

/** Keyed hashes (HMAC) of normalised NIK, phone numbers and bank accounts: exact search without plaintext. */
export const casePersonIdentifiers = pgTable(
  "case_person_identifiers",
  {
    tenant: text("tenant").notNull(),
    personId: parentRef("person_id", () => casePersons.id),
    caseId: parentRef("case_id", () => cases.id),
    kind: text("kind", { enum: ["nik", "phone", "bank_account"] }).notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("case_person_identifiers_uq").on(t.personId, t.kind, t.hash),
    index("case_person_identifiers_hash_idx").on(t.tenant, t.hash),
  ],
);

/** Recruitment, transit and exploitation events (HTCDS hte_ and vic_ picklists). */
export const caseEvents = pgTable(
  "case_events",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    stage: text("stage", { enum: EVENT_STAGES }).notNull(),
    /** ISO 3166 alpha-2. */
    country: text("country"),
    city: text("city"),
    place: text("place"),
    dateFrom: date("date_from"),
    dateTo: date("date_to"),
    recruitmentMethods: text("recruitment_methods").array().notNull().default(sql`'{}'::text[]`),
    recruitmentApps: text("recruitment_apps").array().notNull().default(sql`'{}'::text[]`),
    controlMethods: text("control_methods").array().notNull().default(sql`'{}'::text[]`),
    exploitationTypes: text("exploitation_types").array().notNull().default(sql`'{}'::text[]`),
    forcedLabourIndustry: text("forced_labour_industry"),
    descriptionEnc: text("description_enc"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId)],
);

export const caseAssessments = pgTable(
  "case_assessments",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    risk: text("risk", { enum: RISKS }).notNull(),
    needs: text("needs").array().notNull().default(sql`'{}'::text[]`),
    summaryEnc: text("summary_enc"),
    assessedBy: uuid("assessed_by").references(() => users.id),
    assessedAt: ts("assessed_at").notNull().defaultNow(),
  },
  (t) => [index("case_assessments_case_idx").on(t.caseId)],
);

/** Service plan items: who provides what, by when. A service past its due date and not delivered is overdue. */
export const caseServices = pgTable(
  "case_services",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    type: text("type", { enum: SERVICE_TYPES }).notNull(),
    providerAgencyId: uuid("provider_agency_id").references(() => agencies.id),
    status: text("status", { enum: SERVICE_STATUSES }).notNull().default("planned"),
    /** Calendar date (Asia/Jakarta); overdue from the next day. */
    dueDate: date("due_date"),
    deliveredAt: ts("delivered_at"),
    notesEnc: text("notes_enc"),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps(),
    escalatedAt: ts("escalated_at"),
  },
  (t) => [
    index("case_services_case_idx").on(t.caseId),
    index("case_services_due_idx").on(t.tenant, t.dueDate).where(sql`status IN ('planned', 'in_progress')`),
  ],
);

/** Legal-process milestones, with the UU 21/2007 articles charged. */
export const caseLegalMilestones = pgTable(
  "case_legal_milestones",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    stage: text("stage", { enum: LEGAL_STAGES }).notNull(),
    date: date("date").notNull(),
    /** UU 21/2007 article numbers, e.g. "2", "4", "10". */
    articles: text("articles").array().notNull().default(sql`'{}'::text[]`),
    /** Police report (LP) or court register number: not personal data. */
    reference: text("reference"),
    notesEnc: text("notes_enc"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_legal_case_idx").on(t.caseId)],
);

export const caseNotes = pgTable(
  "case_notes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenant: text("tenant").notNull(),
    caseId: parentRef("case_id", () => cases.id),
    bodyEnc: text("body_enc").notNull(),
    authorId: uuid("author_id").references(() => users.id),
    authorAgencyId: uuid("author_agency_id").references(() => agencies.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_notes_case_idx").on(t.caseId, t.createdAt)],
);

/** Consent per purpose: sharing with one agency, photos, data processing. Withdrawal keeps the record. */
export const caseConsents = pgTable(
  "case_consents",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    personId: uuid("person_id").references(() => casePersons.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: CONSENT_PURPOSES }).notNull(),
    agencyId: uuid("agency_id").references(() => agencies.id),
    given: boolean("given").notNull(),
    method: text("method", { enum: CONSENT_METHODS }).notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: ts("recorded_at").notNull().defaultNow(),
    withdrawnAt: ts("withdrawn_at"),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
  },
  (t) => [index("case_consents_case_idx").on(t.caseId, t.purpose)],
);

/**
 * Referrals of a case (or one service) to another agency: sent → accepted | rejected → completed;
 * revoked by the sender. Acceptance gives the assigned user access scoped to `scope`.
 */
export const caseReferrals = pgTable(
  "case_referrals",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    scope: text("scope", { enum: REFERRAL_SCOPES }).notNull(),
    serviceId: uuid("service_id").references(() => caseServices.id),
    fromAgencyId: uuid("from_agency_id").references(() => agencies.id),
    fromUserId: requiredRef("from_user_id", () => users.id),
    toAgencyId: requiredRef("to_agency_id", () => agencies.id),
    /** The receiving user who gets access once accepted (chosen by the sender or at acceptance). */
    assignedUserId: uuid("assigned_user_id").references(() => users.id),
    reason: text("reason", { enum: REFERRAL_REASONS }).notNull(),
    detailsEnc: text("details_enc"),
    consentId: uuid("consent_id").references(() => caseConsents.id),
    /** Sharing without recorded consent: who decided and why (encrypted reason). */
    overrideBy: uuid("override_by").references(() => users.id),
    overrideReasonEnc: text("override_reason_enc"),
    status: text("status", { enum: REFERRAL_STATUSES }).notNull().default("sent"),
    sentAt: ts("sent_at").notNull().defaultNow(),
    respondDueAt: ts("respond_due_at").notNull(),
    respondedAt: ts("responded_at"),
    respondedBy: uuid("responded_by").references(() => users.id),
    rejectReason: text("reject_reason"),
    completedAt: ts("completed_at"),
    revokedAt: ts("revoked_at"),
    revokeReason: text("revoke_reason"),
    escalatedAt: ts("escalated_at"),
  },
  (t) => [
    index("case_referrals_case_idx").on(t.caseId),
    index("case_referrals_to_idx").on(t.tenant, t.toAgencyId, t.status),
    index("case_referrals_assigned_idx").on(t.assignedUserId).where(sql`status = 'accepted'`),
    index("case_referrals_due_idx").on(t.respondDueAt).where(sql`status = 'sent'`),
  ],
);

/**
 * Documents of a case (scans, letters, photos), stored like report attachments (type sniffed, metadata
 * stripped, file fsynced before the row commits) under <data>/case-documents, but encrypted at rest: each
 * file has its own data key, sealed in `file_key_enc`. The file name is personal data and sealed (`file_name_enc`). Deleting hides the document (soft delete, audited); the file stays
 * as evidence of what the case held.
 */
export const caseDocuments = pgTable(
  "case_documents",
  {
    ...tenantRecord(),
    caseId: parentRef("case_id", () => cases.id),
    fileNameEnc: text("file_name_enc").notNull(),
    /** Name of the file on disk: the sha256 of its encrypted bytes (of the plain bytes for a row without `fileKeyEnc`). */
    sha256: text("sha256").notNull(),
    /** The file's own AES-256-GCM data key, sealed with the key ring. Null: written before encryption at rest (plain file). */
    fileKeyEnc: text("file_key_enc"),
    /** Keyed hash of the plain bytes within the case: finds a re-sent document without revealing its content. */
    contentMac: text("content_mac"),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    stripped: text("stripped").array().notNull().default(sql`'{}'::text[]`),
    uploadedBy: requiredRef("uploaded_by", () => users.id),
    createdAt: createdAt(),
    deletedAt: ts("deleted_at"),
    deletedBy: uuid("deleted_by").references(() => users.id),
  },
  (t) => [
    index("case_documents_case_idx").on(t.caseId),
    uniqueIndex("case_documents_live_uq").on(t.caseId, t.sha256).where(sql`deleted_at IS NULL`),
    uniqueIndex("case_documents_live_mac_uq").on(t.caseId, t.contentMac).where(sql`deleted_at IS NULL`),
  ],
);
