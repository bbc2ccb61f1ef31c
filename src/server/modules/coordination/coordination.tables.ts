// Coordination of the task force: the agency directory (focal points, sub-task-force membership),
// meetings with attendance, minutes and decisions, and the action items decisions create.
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ACTION_ITEM_STATUSES, ACTION_LINK_KINDS, TASK_FORCES } from "../../../core/coordination";
import { createdAt, parentRef, requiredRef, tenantRecord, timestamps, ts } from "../../db/columns";
import { agencies, users } from "../../db/schema";

export const focalPoints = pgTable(
  "coordination_focal_points",
  {
    ...tenantRecord(),
    agencyId: requiredRef("agency_id", () => agencies.id),
    name: text("name").notNull(),
    position: text("position"),
    /** AES-256-GCM with the key ring; shown to staff, each directory read audited. */
    phoneEnc: text("phone_enc"),
    ...timestamps(),
  },
  (t) => [index("coordination_focal_points_agency_idx").on(t.tenant, t.agencyId)],
);

export const taskForceMembers = pgTable(
  "coordination_task_force_members",
  {
    tenant: text("tenant").notNull(),
    agencyId: requiredRef("agency_id", () => agencies.id),
    taskForce: text("task_force", { enum: TASK_FORCES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "coordination_task_force_members_pk", columns: [t.agencyId, t.taskForce] })],
);

export const meetings = pgTable(
  "coordination_meetings",
  {
    ...tenantRecord(),
    title: text("title").notNull(),
    startsAt: ts("starts_at").notNull(),
    place: text("place"),
    onlineUrl: text("online_url"),
    agenda: text("agenda").notNull().default(""),
    invitedAgencyIds: uuid("invited_agency_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** Minutes (notulen), encrypted with the key ring. */
    minutesEnc: text("minutes_enc"),
    createdBy: requiredRef("created_by", () => users.id),
    ...timestamps(),
  },
  (t) => [index("coordination_meetings_tenant_starts_idx").on(t.tenant, t.startsAt)],
);

export const meetingAttendance = pgTable(
  "coordination_meeting_attendance",
  {
    meetingId: parentRef("meeting_id", () => meetings.id),
    agencyId: requiredRef("agency_id", () => agencies.id),
    present: boolean("present").notNull(),
    /** How many people the agency sent. */
    headcount: integer("headcount").notNull().default(0),
  },
  (t) => [primaryKey({ name: "coordination_meeting_attendance_pk", columns: [t.meetingId, t.agencyId] })],
);

export const decisions = pgTable(
  "coordination_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: parentRef("meeting_id", () => meetings.id),
    seq: integer("seq").notNull(),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("coordination_decisions_meeting_idx").on(t.meetingId, t.seq)],
);

export const actionItems = pgTable(
  "coordination_action_items",
  {
    ...tenantRecord(),
    meetingId: requiredRef("meeting_id", () => meetings.id),
    decisionId: requiredRef("decision_id", () => decisions.id),
    title: text("title").notNull(),
    ownerAgencyId: requiredRef("owner_agency_id", () => agencies.id),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    dueDate: date("due_date").notNull(),
    status: text("status", { enum: ACTION_ITEM_STATUSES }).notNull().default("open"),
    proof: text("proof"),
    linkKind: text("link_kind", { enum: ACTION_LINK_KINDS }),
    /** A desa code, a report id or a case id: stored and shown as it is, never resolved to the record. */
    linkRef: text("link_ref"),
    ...timestamps(),
    completedAt: ts("completed_at"),
  },
  (t) => [
    index("coordination_action_items_owner_idx").on(t.tenant, t.ownerAgencyId, t.dueDate),
    index("coordination_action_items_due_idx").on(t.tenant, t.status, t.dueDate),
  ],
);

/** One row per action item and WIB day a reminder went out: the reminder job's idempotency key. */
export const actionItemReminders = pgTable(
  "coordination_action_item_reminders",
  {
    actionItemId: parentRef("action_item_id", () => actionItems.id),
    day: date("day").notNull(),
    sentAt: ts("sent_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "coordination_action_item_reminders_pk", columns: [t.actionItemId, t.day] })],
);
