// Request and response shapes of the passport-interview screening API.
import { z } from "zod";
import { calendarDate, calendarDateTime, safeString, safeText } from "../../lib/validation";
import {
  PAID_BY,
  SCREENING_AGE_BANDS,
  SCREENING_DECISIONS,
  SCREENING_DOCUMENTS,
  SCREENING_PURPOSES,
  SCREENING_REASONS,
  SCREENING_RED_FLAGS,
  SCREENING_SEXES,
} from "../../../core/screening";
import { FOLLOWUP_STATUSES, REVIEW_KINDS, SCREENING_STATUSES } from "./screening.tables";

export const IdParam = z.object({ id: z.string().uuid() });
const text = (max: number) => safeText(max);
const desaCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
const isoDate = calendarDate();

export const SponsorSchema = z.object({
  name: text(200).optional(),
  phone: safeString().trim().max(40).optional(),
  company: text(200).optional(),
});

export const ScreeningCreateSchema = z
  .object({
    interviewedAt: calendarDateTime().optional(),
    applicant: z.object({
      name: text(200),
      nik: z
        .string()
        .regex(/^\d{16}$/)
        .optional(),
      phone: safeString().trim().max(40).optional(),
      sex: z.enum(SCREENING_SEXES),
      ageBand: z.enum(SCREENING_AGE_BANDS),
      desaCode: desaCode.optional(),
    }),
    purpose: z.enum(SCREENING_PURPOSES),
    documents: z.array(z.enum(SCREENING_DOCUMENTS)).max(SCREENING_DOCUMENTS.length).default([]),
    sponsor: SponsorSchema.optional(),
    job: text(200).optional(),
    destinationCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    route: text(2000).optional(),
    paidBy: z.enum(PAID_BY).optional(),
    offerText: text(8000).optional(),
    redFlags: z.array(z.enum(SCREENING_RED_FLAGS)).max(SCREENING_RED_FLAGS.length).default([]),
    certainty: z.number().int().min(1).max(5),
    decision: z.enum(SCREENING_DECISIONS),
    reasonCode: z.enum(SCREENING_REASONS).optional(),
    missing: z.array(text(200)).max(20).default([]),
    note: text(4000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "issue" && !v.reasonCode) ctx.addIssue({ code: "custom", path: ["reasonCode"], message: "required" });
  });
export type ScreeningCreate = z.infer<typeof ScreeningCreateSchema>;

export const ReviewCreateSchema = z
  .object({
    decision: z.enum(SCREENING_DECISIONS),
    reasonCode: z.enum(SCREENING_REASONS).optional(),
    note: text(4000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "issue" && !v.reasonCode) ctx.addIssue({ code: "custom", path: ["reasonCode"], message: "required" });
  });
export type ReviewCreate = z.infer<typeof ReviewCreateSchema>;

export const ReferralCreateSchema = z.object({ agencyIds: z.array(z.string().uuid()).min(1).max(5) });
export const VisitCreateSchema = z.object({ assigneeId: z.string().uuid(), dueDate: isoDate });
export const FollowupCompleteSchema = z.object({ outcome: text(2000) });

export const ListQuerySchema = z.object({
  status: z.enum(SCREENING_STATUSES).optional(),
  decision: z.enum(SCREENING_DECISIONS).optional(),
  code: safeString().trim().max(20).optional(),
  nik: z
    .string()
    .regex(/^\d{16}$/)
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export const StatsQuerySchema = z.object({ from: isoDate.optional(), to: isoDate.optional() });

const ScoreReasonSchema = z.object({ flag: z.string(), weight: z.number(), derived: z.boolean() });

export const ScreeningSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  interviewedAt: z.string(),
  officer: z.object({ id: z.string(), displayName: z.string() }),
  purpose: z.enum(SCREENING_PURPOSES),
  destinationCountry: z.string().nullable(),
  desaCode: z.string().nullable(),
  desaName: z.string().nullable(),
  score: z.number().int(),
  status: z.enum(SCREENING_STATUSES),
  /** Hidden (null) from a reviewer until their blind review is recorded. */
  decision: z.enum(SCREENING_DECISIONS).nullable(),
  finalDecision: z.enum(SCREENING_DECISIONS).nullable(),
});

export const ReviewViewSchema = z.object({
  kind: z.enum(REVIEW_KINDS),
  reviewer: z.object({ id: z.string(), displayName: z.string() }),
  decision: z.enum(SCREENING_DECISIONS),
  reasonCode: z.enum(SCREENING_REASONS).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const FollowupViewSchema = z.object({
  id: z.string(),
  kind: z.enum(["referral", "visit"]),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
  assignee: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(FOLLOWUP_STATUSES),
  outcome: z.string().nullable(),
  createdAt: z.string(),
});

export const ScreeningDetailSchema = ScreeningSummarySchema.extend({
  applicant: z.object({
    name: z.string(),
    nik: z.string().nullable(),
    phone: z.string().nullable(),
    sex: z.enum(SCREENING_SEXES),
    ageBand: z.enum(SCREENING_AGE_BANDS),
  }),
  documents: z.array(z.string()),
  missingDocuments: z.array(z.string()),
  sponsor: SponsorSchema.nullable(),
  job: z.string().nullable(),
  route: z.string().nullable(),
  paidBy: z.enum(PAID_BY).nullable(),
  offerText: z.string().nullable(),
  offerLevel: z.enum(["tinggi", "sedang", "rendah"]).nullable(),
  offerFlags: z.array(z.string()),
  redFlags: z.array(z.string()),
  scoreLevel: z.enum(["high", "medium", "low"]),
  scoreReasons: z.array(ScoreReasonSchema),
  certainty: z.number().int(),
  /** The first officer's decision details; null for a reviewer who has not reviewed yet (blind). */
  reasonCode: z.enum(SCREENING_REASONS).nullable(),
  missing: z.array(z.string()),
  note: z.string().nullable(),
  finalReasonCode: z.enum(SCREENING_REASONS).nullable(),
  reviews: z.array(ReviewViewSchema),
  followups: z.array(FollowupViewSchema),
  /** What the caller may do with this record, computed by the policy (the console decides nothing itself). */
  abilities: z.object({
    review: z.boolean(),
    tiebreak: z.boolean(),
    refer: z.boolean(),
    assignVisit: z.boolean(),
  }),
});
export type ScreeningDetail = z.infer<typeof ScreeningDetailSchema>;
export type ScreeningSummary = z.infer<typeof ScreeningSummarySchema>;

export const AssignmentViewSchema = z.object({
  id: z.string(),
  kind: z.enum(["referral", "visit"]),
  screeningCode: z.string(),
  /** Visits: the applicant's name and desa, enough to find them; referrals: also the phone. No NIK, no story. */
  applicantName: z.string(),
  applicantPhone: z.string().nullable(),
  desaCode: z.string().nullable(),
  desaName: z.string().nullable(),
  purpose: z.enum(SCREENING_PURPOSES),
  destinationCountry: z.string().nullable(),
  reasonCode: z.enum(SCREENING_REASONS).nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(FOLLOWUP_STATUSES),
  outcome: z.string().nullable(),
  createdAt: z.string(),
});
export type AssignmentView = z.infer<typeof AssignmentViewSchema>;

const Count = z.object({ key: z.string(), count: z.number().int() });
export const StatsSchema = z.object({
  total: z.number().int(),
  byMonth: z.array(
    z.object({
      month: z.string(),
      issue: z.number().int(),
      postpone: z.number().int(),
      refuse: z.number().int(),
      pending: z.number().int(),
    }),
  ),
  byReason: z.array(Count),
  byDestination: z.array(Count),
  byAgeBand: z.array(Count),
  byKecamatan: z.array(z.object({ key: z.string(), name: z.string(), count: z.number().int() })),
  byPurpose: z.array(Count),
});
export type Stats = z.infer<typeof StatsSchema>;

export const CandidateSchema = z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()) });
