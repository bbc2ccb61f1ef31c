// API shapes for public reports: public intake and lookup, and the staff side.
import { z } from "zod";
import { calendarDate, safeString } from "../../lib/validation";
import { EVENT_KINDS, IDENTIFIER_KINDS } from "./reports.tables";
import { PERSON_ROLES, REPORT_CATEGORIES, REPORT_OUTCOMES, REPORT_STATUSES } from "../../../core/reports";

const text = (max: number) => safeString().trim().min(1).max(max);
const PhoneInput = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9][0-9 ().-]{5,24}$/, "invalid_format");

export const PersonInputSchema = z
  .object({
    name: text(120).optional(),
    role: z.enum(PERSON_ROLES).optional(),
    phones: z.array(PhoneInput).max(5).optional(),
    /** Social-media handles or profile links, e.g. "@lowongan_malaysia" or "facebook.com/…". */
    handles: z.array(text(200)).max(5).optional(),
    companies: z.array(text(200)).max(5).optional(),
    /** Bank accounts as written, e.g. "BRI 0123 4567 8901". */
    bankAccounts: z.array(text(80)).max(5).optional(),
    notes: text(1000).optional(),
  })
  .strict();
export type PersonInput = z.infer<typeof PersonInputSchema>;

export const ReporterInputSchema = z
  .object({
    name: text(120).optional(),
    phone: PhoneInput.optional(),
    email: z.string().trim().email().max(200).optional(),
    /** How the reporter is related ("ibu korban", "tetangga"…). */
    relation: text(120).optional(),
  })
  .strict();

export const ReportCreateSchema = z
  .object({
    submissionId: z.string().uuid().describe("UUID dibuat oleh klien; kiriman ulang dengan UUID yang sama tidak membuat laporan baru"),
    category: z.enum(REPORT_CATEGORIES),
    description: safeString().trim().min(10).max(10_000).describe("Apa yang terjadi"),
    location: z
      .object({
        regionCode: safeString().trim().max(20).optional().describe("Kode desa/kelurahan atau kecamatan di kabupaten ini"),
        placeText: text(300).optional().describe("Tempat lain (di luar kabupaten atau luar negeri)"),
      })
      .strict()
      .optional(),
    occurredOn: calendarDate().optional().describe("Tanggal kejadian (YYYY-MM-DD)"),
    occurredText: text(200).optional().describe("Waktu kejadian dalam kata-kata, mis. 'sejak Januari'"),
    people: z.array(PersonInputSchema).max(10).optional(),
    offerText: safeString().trim().max(20_000).optional().describe("Teks tawaran kerja yang diterima"),
    anonymous: z.boolean().default(true),
    reporter: ReporterInputSchema.optional().describe("Hanya jika tidak anonim"),
    consent: z.boolean().default(false).describe("Persetujuan pengolahan data; wajib true bila mengisi data kontak"),
    attachments: z.array(z.string().uuid()).max(5).optional().describe("ID lampiran dari POST /api/public/reports/attachments"),
  })
  .strict();
export type ReportCreate = z.infer<typeof ReportCreateSchema>;

export const ReportCreatedSchema = z.object({
  trackingCode: z.string().describe("Kode pelacakan, mis. K7QFW-9X3MP"),
  pin: z.string().describe("PIN 6 angka; simpan bersama kode pelacakan"),
});

export const AttachmentUploadedSchema = z.object({
  attachmentId: z.string().uuid(),
  mediaType: z.enum(["image/jpeg", "image/png", "image/webp", "application/pdf"]),
  size: z.number().int(),
  sha256: z.string(),
});

export const LookupSchema = z
  .object({
    trackingCode: safeString().trim().min(1).max(30),
    pin: safeString().trim().min(1).max(12),
  })
  .strict();

export const PublicEventSchema = z.object({
  at: z.string(),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(REPORT_STATUSES).nullable(),
  note: z.string().nullable(),
  agency: z.string().nullable(),
});

export const PublicStatusSchema = z.object({
  trackingCode: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  status: z.enum(REPORT_STATUSES),
  receivedAt: z.string(),
  outcome: z.enum(REPORT_OUTCOMES).nullable(),
  timeline: z.array(PublicEventSchema),
});

// ---- staff ----

export const QueueQuerySchema = z
  .object({
    status: z
      .enum([...REPORT_STATUSES, "open"])
      .optional()
      .describe("'open' = semua yang belum ditutup/ditolak"),
    category: z.enum(REPORT_CATEGORIES).optional(),
    kecamatan: z
      .string()
      .regex(/^\d{2}\.\d{2}\.\d{2}$/, "invalid_format")
      .optional(),
    overdue: z.enum(["true", "false"]).optional().describe("true = lewat batas verifikasi atau tanggapan instansi"),
    q: safeString().trim().min(1).max(200).optional().describe("Pencarian teks (bahasa Indonesia)"),
    agencyId: z.string().uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

export const ForwardViewSchema = z.object({
  id: z.string(),
  agency: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  instruction: z.string(),
  shareContact: z.boolean(),
  forwardedAt: z.string(),
  responseDueAt: z.string(),
  firstResponseAt: z.string().nullable(),
  overdue: z.boolean(),
});

export const ReportSummarySchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  status: z.enum(REPORT_STATUSES),
  excerpt: z.string(),
  regionCode: z.string().nullable(),
  kecamatanCode: z.string().nullable(),
  placeText: z.string().nullable(),
  receivedAt: z.string(),
  verifyDueAt: z.string(),
  overdue: z.boolean().describe("lewat batas verifikasi (3 hari kerja) atau tanggapan instansi (5 hari kerja)"),
  nextDueAt: z.string().nullable(),
  linkedReports: z.number().int(),
  attachments: z.number().int(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const PersonViewSchema = z.object({
  name: z.string().nullable(),
  role: z.string().nullable(),
  phones: z.array(z.string()),
  handles: z.array(z.string()),
  companies: z.array(z.string()),
  bankAccounts: z.array(z.string()),
  notes: z.string().nullable(),
});

export const StaffEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(REPORT_STATUSES).nullable(),
  actor: z.string().nullable(),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
  publicNote: z.string().nullable(),
  internalNote: z.string().nullable(),
});

export const LinkSchema = z.object({
  reportId: z.string(),
  trackingCode: z.string(),
  status: z.enum(REPORT_STATUSES),
  receivedAt: z.string(),
  sharedKinds: z.array(z.enum(IDENTIFIER_KINDS)).describe("Jenis data yang sama: telepon, akun media sosial, rekening, e-mail"),
});

export const ReportDetailSchema = ReportSummarySchema.extend({
  description: z.string(),
  offerText: z.string().nullable(),
  occurredOn: z.string().nullable(),
  occurredText: z.string().nullable(),
  anonymous: z.boolean(),
  consent: z.boolean(),
  reporter: z
    .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), relation: z.string().nullable() })
    .nullable()
    .describe("null bila anonim atau bila Anda tidak berwenang melihat kontak pelapor"),
  people: z.array(PersonViewSchema),
  outcome: z.enum(REPORT_OUTCOMES).nullable(),
  verifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  caseId: z.string().nullable(),
  forwards: z.array(ForwardViewSchema),
  timeline: z.array(StaffEventSchema),
  links: z.array(LinkSchema).describe("Laporan lain dengan nomor telepon, rekening atau akun yang sama (hanya koordinator)"),
  attachmentList: z.array(z.object({ id: z.string(), mediaType: z.string(), size: z.number().int(), stripped: z.array(z.string()) })),
  abilities: z.record(z.string(), z.boolean()).describe("Tindakan yang boleh dilakukan pengguna ini pada laporan ini"),
});
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

const note = (max = 4000) => safeString().trim().min(1).max(max);

export const VerifySchema = z.object({ publicNote: note().optional(), internalNote: note().optional() }).strict();
export const RejectSchema = z
  .object({ reason: note().describe("Alasan (internal)"), publicNote: note().optional().describe("Catatan yang dapat dibaca pelapor") })
  .strict();
export const ForwardSchema = z
  .object({
    agencyIds: z.array(z.string().uuid()).min(1).max(10),
    instruction: note(),
    shareContact: z.boolean().default(false).describe("Instansi boleh melihat kontak pelapor"),
    publicNote: note().optional(),
  })
  .strict();
export const ResponseSchema = z
  .object({
    internalNote: note().optional().describe("Catatan penanganan (internal)"),
    publicNote: note().optional().describe("Catatan yang dapat dibaca pelapor"),
  })
  .strict()
  .refine((v) => v.internalNote || v.publicNote, { message: "required", path: ["internalNote"] });
export const NoteSchema = z.object({ note: note(), visibility: z.enum(["internal", "public"]).default("internal") }).strict();
export const CloseSchema = z
  .object({ outcome: z.enum(REPORT_OUTCOMES), publicNote: note().optional(), internalNote: note().optional() })
  .strict();
export const ReopenSchema = z.object({ reason: note() }).strict();

// The web app reads the notification shape from here too.
export { NotificationSchema } from "../notifications/notifications.schema";
