// Shapes of the public-report (pengaduan) API as the web app uses them, inferred from the server's
// zod schemas (type-only imports: nothing from the server reaches the bundle).
import type { z } from "zod";
import type {
  AttachmentUploadedSchema,
  ForwardViewSchema,
  NotificationSchema,
  PersonInputSchema,
  PublicStatusSchema,
  ReportCreatedSchema,
  ReportCreateSchema,
  ReportDetailSchema,
  ReportSummarySchema,
  StaffEventSchema,
} from "../../server/modules/reports/reports.schema";

export type ReportCreate = z.input<typeof ReportCreateSchema>;
export type PersonInput = z.input<typeof PersonInputSchema>;
export type ReportCreated = z.infer<typeof ReportCreatedSchema>;
export type AttachmentUploaded = z.infer<typeof AttachmentUploadedSchema>;
export type PublicStatus = z.infer<typeof PublicStatusSchema>;
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
export type ReportDetail = z.infer<typeof ReportDetailSchema>;
export type ForwardView = z.infer<typeof ForwardViewSchema>;
export type StaffEvent = z.infer<typeof StaffEventSchema>;
export type Notification = z.infer<typeof NotificationSchema>;

export type ReportCategory = ReportCreate["category"];
export type ReportStatus = ReportSummary["status"];
export type ReportOutcome = NonNullable<ReportDetail["outcome"]>;
export type PersonRole = NonNullable<PersonInput["role"]>;

export const REPORT_CATEGORIES = [
  "suspicious_offer",
  "person_in_danger_abroad",
  "irregular_departure",
  "other",
] as const satisfies readonly ReportCategory[];

export const REPORT_STATUSES = [
  "received",
  "verified",
  "forwarded",
  "in_handling",
  "closed",
  "rejected",
] as const satisfies readonly ReportStatus[];

export const REPORT_OUTCOMES = [
  "resolved",
  "referred_to_case",
  "referred_to_police",
  "not_trafficking",
  "insufficient_information",
  "duplicate",
] as const satisfies readonly ReportOutcome[];

export const PERSON_ROLES = ["recruiter", "sponsor", "victim", "family", "other"] as const satisfies readonly PersonRole[];

/** Attachment limits of POST /api/public/reports/attachments. */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
