import { z } from "zod";
import { safeString } from "../../lib/validation";
import { ACTION_ITEM_STATUSES, ACTION_LINK_KINDS, TASK_FORCES } from "../../../core/coordination";
import { isRegionCode, regionLevelOf } from "../../../core/regions";

/** A real day of the calendar (no 31 February), so PostgreSQL never sees an impossible date. */
function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const text = (max: number) => safeString().trim().max(max);
const uuid = z.string().uuid();
/** "2026-11-03T09:00" (Asia/Jakarta) or a full ISO timestamp with offset. */
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/)
  .refine((s) => isCalendarDate(s.slice(0, 10)) && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60, {
    message: "invalid_format",
  })
  .describe("Tanggal dan jam: 2026-11-03T09:00 (WIB) atau ISO 8601 dengan zona waktu");
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate, { message: "invalid_format" })
  .describe("TTTT-BB-HH (WIB)");
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/);

export const IdParam = z.object({ id: uuid });

export const FocalPointSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
});
export const DirectoryAgencySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  taskForces: z.array(z.enum(TASK_FORCES)),
  focalPoints: z.array(FocalPointSchema),
});

export const FocalPointCreateSchema = z
  .object({ name: text(120).min(1), position: text(120).nullable().optional(), phone: phone.nullable().optional() })
  .strict();
export const FocalPointUpdateSchema = z
  .object({ name: text(120).min(1).optional(), position: text(120).nullable().optional(), phone: phone.nullable().optional() })
  .strict();
export const TaskForcesSchema = z.object({ taskForces: z.array(z.enum(TASK_FORCES)).max(TASK_FORCES.length) }).strict();

const MeetingFields = {
  title: text(200).min(1),
  startsAt: dateTime,
  place: text(200).nullable().optional(),
  onlineUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s]+$/)
    .nullable()
    .optional()
    .describe("Tautan rapat daring (http/https)"),
  agenda: text(4000).default(""),
  invitedAgencyIds: z.array(uuid).max(60).default([]),
};
export const MeetingCreateSchema = z.object(MeetingFields).strict();
export type MeetingCreate = z.infer<typeof MeetingCreateSchema>;
export const MeetingUpdateSchema = z
  .object({
    title: MeetingFields.title.optional(),
    startsAt: dateTime.optional(),
    place: MeetingFields.place,
    onlineUrl: MeetingFields.onlineUrl,
    agenda: text(4000).optional(),
    invitedAgencyIds: z.array(uuid).max(60).optional(),
    minutes: text(50_000).nullable().optional().describe("Notulen (disimpan terenkripsi)"),
  })
  .strict();
export type MeetingUpdate = z.infer<typeof MeetingUpdateSchema>;

export const AttendanceSchema = z
  .object({
    attendance: z
      .array(z.object({ agencyId: uuid, present: z.boolean(), headcount: z.number().int().min(0).max(100).default(0) }).strict())
      .max(60),
  })
  .strict();

const villageCode = z.string().refine((c) => isRegionCode(c) && regionLevelOf(c) === "desa", { message: "region_level" });
const LinkSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("village"), ref: villageCode }).strict(),
    z.object({ kind: z.literal("report"), ref: uuid }).strict(),
    z.object({ kind: z.literal("case"), ref: uuid }).strict(),
  ])
  .describe("Tautan ke desa (kode), laporan (id) atau kasus (id); hanya kode/id yang disimpan dan ditampilkan");

export const ActionItemCreateSchema = z
  .object({
    title: text(500).min(1),
    ownerAgencyId: uuid,
    ownerUserId: uuid.nullable().optional(),
    dueDate: date,
    link: LinkSchema.nullable().optional(),
  })
  .strict();
export type ActionItemCreate = z.infer<typeof ActionItemCreateSchema>;

export const DecisionCreateSchema = z
  .object({ text: text(2000).min(1), actionItems: z.array(ActionItemCreateSchema).max(20).default([]) })
  .strict();

export const ActionItemUpdateSchema = z
  .object({
    status: z.enum(ACTION_ITEM_STATUSES).optional(),
    proof: text(4000).nullable().optional().describe("Bukti penyelesaian"),
    // Coordinators only:
    title: text(500).min(1).optional(),
    ownerAgencyId: uuid.optional(),
    ownerUserId: uuid.nullable().optional(),
    dueDate: date.optional(),
  })
  .strict();
export type ActionItemUpdate = z.infer<typeof ActionItemUpdateSchema>;

export const ActionItemListQuerySchema = z
  .object({
    overdue: z.enum(["true", "false"]).optional().describe("true: hanya yang lewat tenggat dan belum selesai"),
    status: z.enum(ACTION_ITEM_STATUSES).optional(),
    meetingId: uuid.optional(),
  })
  .strict();

export const ActionItemSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  decisionId: z.string(),
  title: z.string(),
  ownerAgency: z.object({ id: z.string(), name: z.string() }),
  ownerUser: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueDate: z.string(),
  status: z.enum(ACTION_ITEM_STATUSES),
  proof: z.string().nullable(),
  link: z.object({ kind: z.enum(ACTION_LINK_KINDS), ref: z.string() }).nullable(),
  overdue: z.boolean(),
  canUpdate: z.boolean(),
  canManage: z.boolean(),
  updatedAt: z.string(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const MeetingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  invitedCount: z.number().int(),
  decisionCount: z.number().int(),
  openActionItems: z.number().int(),
});

export const MeetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  agenda: z.string(),
  invitedAgencies: z.array(z.object({ id: z.string(), name: z.string() })),
  attendance: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), present: z.boolean(), headcount: z.number().int() })),
  minutes: z.string().nullable(),
  decisions: z.array(z.object({ id: z.string(), seq: z.number().int(), text: z.string(), actionItems: z.array(ActionItemSchema) })),
  canManage: z.boolean(),
});
export type Meeting = z.infer<typeof MeetingSchema>;
