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

// The picklists of a report and the attachment limits: one list each, shared with the server through src/core.
export { PERSON_ROLES, REPORT_CATEGORIES, REPORT_OUTCOMES, REPORT_STATUSES } from "../../core/reports";
export { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "../../core/attachments";
