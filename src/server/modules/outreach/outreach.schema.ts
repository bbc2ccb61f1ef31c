import { z } from "zod";
import { calendarDate, calendarDateTime, safeString } from "../../lib/validation";
import { AGE_BANDS, AUDIENCES, OUTREACH_TOPIC_CODES, SEXES } from "../../../core/outreach-topics";
import { isRegionCode, regionLevelOf } from "../../../core/regions";
import { SESSION_STATUSES } from "./outreach.tables";

const text = (max: number) => safeString().trim().max(max);
const desaCode = z
  .string()
  .max(20)
  .refine((c) => isRegionCode(c) && regionLevelOf(c) === "desa", { message: "region_level" });
/** "2025-03-14T09:00" (Asia/Jakarta) or a full ISO timestamp with offset. */
const dateTime = calendarDateTime().describe("Tanggal dan jam: 2025-03-14T09:00 (WIB, Asia/Jakarta) atau ISO 8601 dengan zona waktu");
const date = calendarDate().describe("TTTT-BB-HH (WIB)");

const count = z.number().int().min(0).max(100_000);
const BandCounts = z
  .object(
    Object.fromEntries(AGE_BANDS.map((b) => [b, count.optional()])) as Record<(typeof AGE_BANDS)[number], z.ZodOptional<typeof count>>,
  )
  .strict();
export const AttendanceSchema = z
  .object(
    Object.fromEntries(SEXES.map((s) => [s, BandCounts.optional()])) as Record<(typeof SEXES)[number], z.ZodOptional<typeof BandCounts>>,
  )
  .strict()
  .describe("Jumlah peserta per jenis kelamin (female/male) dan kelompok umur (under_18, 18_24, 25_39, 40_59, 60_plus)");

const score = z.number().min(0).max(100);
const SessionFields = {
  status: z.enum(SESSION_STATUSES).default("held").describe("planned = direncanakan, held = terlaksana, cancelled = batal"),
  startsAt: dateTime,
  endsAt: dateTime.nullable().optional(),
  desaCode,
  venue: text(200).nullable().optional(),
  organiserAgencyId: z.string().uuid().nullable().optional().describe("Bawaan: instansi pencatat"),
  coOrganiserAgencyIds: z.array(z.string().uuid()).max(20).default([]),
  coOrganiserOthers: z
    .array(text(200).min(1))
    .max(20)
    .default([])
    .describe("Penyelenggara bersama di luar daftar instansi (karang taruna, sekolah)"),
  facilitators: z.array(text(120).min(1)).max(20).default([]),
  audiences: z.array(z.enum(AUDIENCES)).min(1).max(AUDIENCES.length),
  attendance: AttendanceSchema.default({}),
  topics: z.array(z.enum(OUTREACH_TOPIC_CODES)).min(1).max(OUTREACH_TOPIC_CODES.length),
  materials: z.array(text(200).min(1)).max(30).default([]),
  followUps: text(2000).nullable().optional(),
  notes: text(2000).nullable().optional(),
  quiz: z
    .object({ preScore: score.nullable().optional(), postScore: score.nullable().optional(), respondents: count.nullable().optional() })
    .strict()
    .nullable()
    .optional()
    .describe("Nilai rata-rata kuis sebelum/sesudah (0–100), opsional"),
};

export const SessionCreateSchema = z
  .object({
    id: z.string().uuid().describe("Dibuat oleh aplikasi (UUID) agar kiriman ulang dari mode luring tidak tercatat dua kali"),
    ...SessionFields,
  })
  .strict();
export type SessionCreate = z.infer<typeof SessionCreateSchema>;

export const SessionUpdateSchema = z
  .object({
    status: z.enum(SESSION_STATUSES).optional(),
    startsAt: dateTime.optional(),
    endsAt: SessionFields.endsAt,
    desaCode: desaCode.optional().describe("Pindah desa: aturan yang sama dengan pencatatan (relawan hanya di desa tugasnya)"),
    venue: SessionFields.venue,
    organiserAgencyId: SessionFields.organiserAgencyId,
    coOrganiserAgencyIds: z.array(z.string().uuid()).max(20).optional(),
    coOrganiserOthers: z.array(text(200).min(1)).max(20).optional(),
    facilitators: z.array(text(120).min(1)).max(20).optional(),
    audiences: SessionFields.audiences.optional(),
    attendance: AttendanceSchema.optional(),
    topics: SessionFields.topics.optional(),
    materials: z.array(text(200).min(1)).max(30).optional(),
    followUps: SessionFields.followUps,
    notes: SessionFields.notes,
    quiz: SessionFields.quiz,
  })
  .strict();
export type SessionUpdate = z.infer<typeof SessionUpdateSchema>;

const Ref = z.object({ id: z.string(), name: z.string() });
export const SessionPhotoSchema = z.object({
  id: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});
export type SessionPhotoView = z.infer<typeof SessionPhotoSchema>;

export const SessionSchema = z.object({
  id: z.string(),
  status: z.enum(SESSION_STATUSES),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  /** Local date and time in Asia/Jakarta, "2025-03-14 09:00". */
  localStart: z.string(),
  desaCode: z.string(),
  desaName: z.string(),
  kecamatanCode: z.string(),
  kecamatanName: z.string(),
  venue: z.string().nullable(),
  organiser: Ref.nullable(),
  coOrganisers: z.array(Ref),
  coOrganiserOthers: z.array(z.string()),
  facilitators: z.array(z.string()),
  audiences: z.array(z.string()),
  attendance: AttendanceSchema,
  attendanceTotals: z.object({ female: z.number().int(), male: z.number().int(), total: z.number().int() }),
  topics: z.array(z.string()),
  materials: z.array(z.string()),
  followUps: z.string().nullable(),
  notes: z.string().nullable(),
  quiz: z
    .object({ preScore: z.number().nullable(), postScore: z.number().nullable(), respondents: z.number().int().nullable() })
    .nullable(),
  recordedBy: z.object({ id: z.string(), displayName: z.string() }),
  photos: z.array(SessionPhotoSchema).describe("Foto sesi; berkasnya di GET /api/outreach/sessions/{id}/photos/{photoId}"),
  abilities: z.object({ update: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SessionView = z.infer<typeof SessionSchema>;

export const PeriodQuerySchema = z.object({
  from: date.optional(),
  to: date.optional().describe("Sampai dengan tanggal ini (inklusif)"),
});

export const SessionListQuerySchema = PeriodQuerySchema.extend({
  kecamatan: z
    .string()
    .max(20)
    .refine((c) => regionLevelOf(c) === "kecamatan", { message: "region_level" })
    .optional(),
  desa: desaCode.optional(),
  agencyId: z.string().uuid().optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  mine: z.enum(["true", "false"]).optional().describe("true = hanya sesi yang saya catat"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type SessionListQuery = z.infer<typeof SessionListQuerySchema>;

export const CalendarQuerySchema = z.object({ from: date, to: date });
export const CalendarItemSchema = z.object({
  id: z.string(),
  date: z.string().describe("Tanggal WIB (TTTT-BB-HH)"),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  title: z.string(),
  status: z.enum(SESSION_STATUSES),
  desaCode: z.string(),
  organiserName: z.string().nullable(),
  attendanceTotal: z.number().int(),
});

const VillageCoverage = z.object({
  code: z.string(),
  name: z.string(),
  kecamatanCode: z.string(),
  kecamatanName: z.string(),
  status: z.string(),
  population: z.number().int().nullable(),
  sessions: z.number().int(),
  peopleReached: z.number().int(),
  per1000: z.number().nullable().describe("Orang terjangkau per 1.000 penduduk (bila jumlah penduduk diketahui)"),
  lastSessionAt: z.string().nullable().describe("Sesi terakhir sepanjang waktu"),
  daysSinceLast: z.number().int().nullable(),
  neverReached: z.boolean(),
  notReachedRecently: z.boolean().describe("Tidak ada sesi dalam 90 hari terakhir"),
});
export const CoverageSchema = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  summary: z.object({
    desa: z.number().int(),
    reachedInPeriod: z.number().int(),
    neverReached: z.number().int(),
    notReachedRecently: z.number().int(),
    sessions: z.number().int(),
    peopleReached: z.number().int(),
  }),
  villages: z.array(VillageCoverage),
  byAgency: z.array(
    z.object({
      id: z.string().nullable(),
      name: z.string(),
      sessions: z.number().int(),
      peopleReached: z.number().int(),
      desaReached: z.number().int(),
    }),
  ),
  byVolunteer: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      sessions: z.number().int(),
      peopleReached: z.number().int(),
      desaReached: z.number().int(),
      lastSessionAt: z.string().nullable(),
    }),
  ),
});
export type Coverage = z.infer<typeof CoverageSchema>;
