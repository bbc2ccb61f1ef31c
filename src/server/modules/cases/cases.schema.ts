// Request and response shapes of the case API (zod; the same schemas generate /api/openapi.json).
import { z } from "zod";
import { CASE_ABILITIES } from "./cases.policy";
import { calendarDate, safeString } from "../../lib/validation";
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
import {
  EXPLOITATION_TYPES,
  FORCED_LABOUR_INDUSTRIES,
  METHODS_OF_CONTROL,
  PERPETRATOR_ROLES,
  RECRUITMENT_METHODS,
  WEBSITES_AND_APPS,
} from "../../../core/htcds-values";

export const IdParam = z.object({ id: z.string().uuid() });
const text = (max: number) => safeString().trim().min(1).max(max);
const isoDate = calendarDate();
const regionCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/);
const country = z.string().regex(/^[A-Z]{2}$/);
const list = <T extends z.ZodTypeAny>(item: T, max = 20) => z.array(item).max(max);

// ---- persons ----
export const PersonInputSchema = z
  .object({
    kind: z.enum(PERSON_KINDS),
    name: text(200).optional(),
    /** NIK: the 16-digit national identity number. */
    nik: z
      .string()
      .regex(/^\d{16}$/)
      .optional(),
    birthDate: isoDate.optional(),
    /** Estimated age when the birth date is unknown (sets the age band only). */
    ageEstimate: z.number().int().min(0).max(120).optional(),
    sex: z.enum(SEXES).optional(),
    phones: list(safeString().trim().min(4).max(30), 10).optional(),
    address: text(500).optional(),
    desaCode: regionCode.optional(),
    pmiStatus: z.enum(PMI_STATUSES).optional(),
    citizenship: list(country, 5).optional(),
    relationship: text(60).optional(),
    perpetratorRoles: list(z.enum(PERPETRATOR_ROLES), PERPETRATOR_ROLES.length).optional(),
    aliases: list(text(120), 20).optional(),
    bankAccounts: list(safeString().trim().min(4).max(60), 10).optional(),
    companies: list(text(200), 10).optional(),
    relationshipToTrafficker: z.enum(["Familial", "Acquainted", "Unaquainted"]).optional(),
    ageWhenTrafficked: z.number().int().min(0).max(120).optional(),
  })
  .strict();
export type PersonInput = z.infer<typeof PersonInputSchema>;
/** Changed fields only; `null` clears an optional field (its blind index goes with it). */
export const PersonUpdateSchema = PersonInputSchema.omit({ kind: true })
  .partial()
  .extend({
    name: text(200).nullable().optional(),
    nik: z
      .string()
      .regex(/^\d{16}$/)
      .nullable()
      .optional(),
    birthDate: isoDate.nullable().optional(),
    address: text(500).nullable().optional(),
    desaCode: regionCode.nullable().optional(),
    relationship: text(60).nullable().optional(),
    relationshipToTrafficker: z.enum(["Familial", "Acquainted", "Unaquainted"]).nullable().optional(),
    ageWhenTrafficked: z.number().int().min(0).max(120).nullable().optional(),
  })
  .strict();
export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;

/** A person as the caller may see it: identity fields only for roles allowed to see them. */
export const PersonSchema = z.object({
  id: z.string(),
  kind: z.enum(PERSON_KINDS),
  sex: z.enum(SEXES),
  ageBand: z.enum(AGE_BANDS),
  desaCode: z.string().nullable(),
  pmiStatus: z.enum(PMI_STATUSES),
  name: z.string().nullable().optional(),
  nik: z.string().nullable().optional(),
  birthDate: z.string().nullable().optional(),
  phones: z.array(z.string()).optional(),
  address: z.string().nullable().optional(),
  citizenship: z.array(z.string()).optional(),
  relationship: z.string().nullable().optional(),
  perpetratorRoles: z.array(z.string()).optional(),
  aliases: z.array(z.string()).optional(),
  bankAccounts: z.array(z.string()).optional(),
  companies: z.array(z.string()).optional(),
  relationshipToTrafficker: z.string().nullable().optional(),
  ageWhenTrafficked: z.number().nullable().optional(),
});
export type PersonView = z.infer<typeof PersonSchema>;

// ---- case ----
export const CaseCreateSchema = z
  .object({
    origin: z.enum(CASE_ORIGINS),
    priority: z.enum(PRIORITIES).optional(),
    summary: text(5000).optional(),
    regionCode: regionCode.optional(),
    /** Required when a coordinator opens the case for a case manager; otherwise the caller owns it. */
    ownerId: z.string().uuid().optional(),
    reportIds: list(z.string().uuid(), 20).optional(),
    victim: PersonInputSchema.omit({ kind: true }).optional(),
  })
  .strict();
export type CaseCreate = z.infer<typeof CaseCreateSchema>;

export const CaseUpdateSchema = z
  .object({
    status: z.enum(["open", "under_assessment", "active"]).optional(),
    priority: z.enum(PRIORITIES).optional(),
    summary: text(5000).nullable().optional(),
    regionCode: regionCode.nullable().optional(),
    traffickingStatus: z.enum(TRAFFICKING_STATUSES).optional(),
    /** HTCDS vic_TraffickingStatusDecisionMakingOrg: required with traffickingStatus. */
    traffickingStatusOrg: z.enum(DECISION_ORGS).optional(),
  })
  .strict();
export type CaseUpdate = z.infer<typeof CaseUpdateSchema>;

export const CloseSchema = z.object({ reason: z.enum(CLOSURE_REASONS), note: text(2000).optional() }).strict();
export const ReasonSchema = z.object({ reason: text(1000) }).strict();
export const MemberAddSchema = z.object({ userId: z.string().uuid() }).strict();
export const OwnerSchema = z.object({ userId: z.string().uuid() }).strict();
export const TeamCandidatesQuerySchema = z.object({ q: safeString().trim().max(100).optional() }).strict();
/** A case worker who may join a team: no username, e-mail or phone. */
export const TeamCandidateSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
  roles: z.array(z.enum(["case_manager", "investigator"])),
});
export const LinkReportSchema = z.object({ reportId: z.string().uuid() }).strict();

export const EventInputSchema = z
  .object({
    stage: z.enum(EVENT_STAGES),
    country: country.optional(),
    city: text(120).optional(),
    place: text(200).optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    recruitmentMethods: list(z.enum(RECRUITMENT_METHODS)).optional(),
    recruitmentApps: list(z.enum(WEBSITES_AND_APPS)).optional(),
    controlMethods: list(z.enum(METHODS_OF_CONTROL)).optional(),
    exploitationTypes: list(z.enum(EXPLOITATION_TYPES)).optional(),
    forcedLabourIndustry: z.enum(FORCED_LABOUR_INDUSTRIES).optional(),
    description: text(5000).optional(),
  })
  .strict();
export type EventInput = z.infer<typeof EventInputSchema>;

export const AssessmentInputSchema = z
  .object({
    risk: z.enum(RISKS),
    needs: list(z.enum(SERVICE_TYPES), SERVICE_TYPES.length).default([]),
    summary: text(5000).optional(),
  })
  .strict();

export const ServiceInputSchema = z
  .object({
    type: z.enum(SERVICE_TYPES),
    providerAgencyId: z.string().uuid().optional(),
    dueDate: isoDate.optional(),
    notes: text(2000).optional(),
  })
  .strict();
export const ServiceUpdateSchema = z
  .object({
    status: z.enum(SERVICE_STATUSES).optional(),
    providerAgencyId: z.string().uuid().nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    notes: text(2000).nullable().optional(),
  })
  .strict();
export type ServiceUpdate = z.infer<typeof ServiceUpdateSchema>;

/** UU 21/2007 article references: "2", "2 ayat (1)", "10". */
export const LegalInputSchema = z
  .object({
    stage: z.enum(LEGAL_STAGES),
    date: isoDate,
    articles: list(
      z
        .string()
        .trim()
        .regex(/^([1-9]|[1-5]\d|6[0-7])( ayat \(\d\))?$/),
      20,
    ).default([]),
    reference: text(120).optional(),
    notes: text(2000).optional(),
  })
  .strict();

export const NoteInputSchema = z.object({ body: text(10000) }).strict();

export const ConsentInputSchema = z
  .object({
    personId: z.string().uuid().optional(),
    purpose: z.enum(CONSENT_PURPOSES),
    /** Required for share_with_agency. */
    agencyId: z.string().uuid().optional(),
    given: z.boolean(),
    method: z.enum(CONSENT_METHODS),
  })
  .strict();

// ---- views ----
const Ref = z.object({ id: z.string(), name: z.string() });
const UserRef = z.object({ id: z.string(), displayName: z.string(), agency: Ref.nullable() });

export const ServiceSchema = z.object({
  id: z.string(),
  type: z.enum(SERVICE_TYPES),
  providerAgency: Ref.nullable(),
  status: z.enum(SERVICE_STATUSES),
  dueDate: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  overdue: z.boolean(),
  notes: z.string().nullable().optional(),
});

export const ReferralSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  scope: z.enum(REFERRAL_SCOPES),
  serviceId: z.string().nullable(),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  fromAgency: Ref.nullable(),
  fromUser: z.object({ id: z.string(), displayName: z.string() }),
  toAgency: Ref,
  assignedUser: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  reason: z.enum(REFERRAL_REASONS),
  details: z.string().nullable().optional(),
  consentBasis: z.enum(["consent", "override"]),
  status: z.enum(REFERRAL_STATUSES),
  sentAt: z.string(),
  respondDueAt: z.string(),
  respondedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  completedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Why it was revoked: the sender's words, "case closed", or the victim's consent withdrawn. */
  revokeReason: z.string().nullable(),
  overdue: z.boolean(),
  /** What the caller may do with this referral now (computed by the referral policy on the server). */
  abilities: z.object({ accept: z.boolean(), reject: z.boolean(), complete: z.boolean(), revoke: z.boolean() }),
});
export type ReferralView = z.infer<typeof ReferralSchema>;

export const CaseSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  /** What the caller may see: team, referral (case or one service) or aggregate (coordinators). */
  access: z.enum(["team", "referral_case", "referral_service", "aggregate"]),
  origin: z.enum(CASE_ORIGINS),
  status: z.enum(CASE_STATUSES),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES),
  priority: z.enum(PRIORITIES),
  regionCode: z.string().nullable(),
  owner: UserRef,
  victims: z.array(PersonSchema),
  overdueReferrals: z.number(),
  overdueServices: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  traffickingStatusOrg: z.enum(DECISION_ORGS).nullable(),
  traffickingStatusAt: z.string().nullable(),
  summary: z.string().nullable().optional(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  closureNote: z.string().nullable().optional(),
  reopenedAt: z.string().nullable(),
  team: z.array(z.object({ user: UserRef, role: z.enum(["owner", "member"]), addedAt: z.string() })),
  reportIds: z.array(z.string()),
  persons: z.array(PersonSchema),
  events: z.array(
    z.object({
      id: z.string(),
      stage: z.enum(EVENT_STAGES),
      country: z.string().nullable(),
      city: z.string().nullable(),
      place: z.string().nullable(),
      dateFrom: z.string().nullable(),
      dateTo: z.string().nullable(),
      recruitmentMethods: z.array(z.string()),
      recruitmentApps: z.array(z.string()),
      controlMethods: z.array(z.string()),
      exploitationTypes: z.array(z.string()),
      forcedLabourIndustry: z.string().nullable(),
      description: z.string().nullable().optional(),
    }),
  ),
  assessments: z.array(
    z.object({
      id: z.string(),
      risk: z.string(),
      needs: z.array(z.string()),
      summary: z.string().nullable().optional(),
      assessedAt: z.string(),
    }),
  ),
  services: z.array(ServiceSchema),
  legal: z.array(
    z.object({
      id: z.string(),
      stage: z.enum(LEGAL_STAGES),
      date: z.string(),
      articles: z.array(z.string()),
      reference: z.string().nullable(),
      notes: z.string().nullable().optional(),
    }),
  ),
  notes: z.array(
    z.object({
      id: z.number(),
      body: z.string(),
      author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
      createdAt: z.string(),
    }),
  ),
  consents: z.array(
    z.object({
      id: z.string(),
      personId: z.string().nullable(),
      purpose: z.enum(CONSENT_PURPOSES),
      agency: Ref.nullable(),
      given: z.boolean(),
      method: z.string(),
      recordedAt: z.string(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
  referrals: z.array(ReferralSchema),
  /** What the caller may do with this case now, computed by `caseAbilities` (cases.policy.ts); the console only reads it. */
  abilities: z.object(
    Object.fromEntries(CASE_ABILITIES.map((k) => [k, z.boolean()])) as Record<(typeof CASE_ABILITIES)[number], z.ZodBoolean>,
  ),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CaseListQuerySchema = z
  .object({
    status: z.enum([...CASE_STATUSES, "open_any"]).optional(),
    traffickingStatus: z
      .enum(TRAFFICKING_STATUSES)
      .optional()
      .describe("Status korban TPPO pada kasus (potensial, diduga, terkonfirmasi, bukan korban)"),
    overdue: z.enum(["true", "false"]).optional(),
    /** Exact search (keyed hash): a 16-digit NIK or a phone number. Not available at aggregate level. */
    nik: z
      .string()
      .regex(/^\d{16}$/)
      .optional(),
    phone: safeString().trim().min(4).max(30).optional(),
    code: safeString().trim().max(20).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const OverdueQuerySchema = z
  .object({ kind: z.enum(["referral", "service"]).optional().describe("Hanya rujukan atau hanya layanan") })
  .strict();

export const OverdueItemSchema = z.object({
  kind: z.enum(["referral", "service"]),
  caseId: z.string(),
  caseCode: z.string(),
  itemId: z.string(),
  agency: Ref.nullable(),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  dueAt: z.string(),
  overdueWorkingDays: z.number(),
});

export const StatsSchema = z.object({
  cases: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byTraffickingStatus: z.record(z.string(), z.number()),
  victimsBySex: z.record(z.string(), z.number()),
  victimsByAgeBand: z.record(z.string(), z.number()),
  victimsByPmiStatus: z.record(z.string(), z.number()),
  byKecamatan: z.record(z.string(), z.number()),
  overdueReferrals: z.number(),
  overdueServices: z.number(),
});

export const DocumentNameQuery = z
  .object({ name: safeString().trim().min(1).max(200).describe("Nama berkas asli (disimpan terenkripsi)") })
  .strict();
export const CaseDocumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedBy: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
});
export type CaseDocumentView = z.infer<typeof CaseDocumentSchema>;

/** Opening a case from a public report (POST /api/reports/:id/case). */
export const ReportToCaseSchema = z
  .object({
    ownerId: z
      .string()
      .uuid()
      .optional()
      .describe("Manajer kasus/penyidik pemilik kasus; wajib bila Anda sendiri bukan manajer kasus/penyidik"),
    priority: z.enum(PRIORITIES).optional(),
    summary: text(5000).optional().describe("Ringkasan kasus (terenkripsi); bawaan: isi laporan"),
    includeReporterContact: z
      .boolean()
      .default(false)
      .describe(
        "Salin nama dan telepon pelapor ke kasus sebagai orang terkait (terenkripsi). Bawaan tidak: kontak pelapor tetap di laporan.",
      ),
  })
  .strict();
export type ReportToCase = z.infer<typeof ReportToCaseSchema>;
