// In-app notifications for staff, with an e-mail outbox per row. Any module notifies through
// notifications.service.ts (`notify`, in the caller's transaction); notifications.mail.ts delivers the mail through the job queue.
import { sql } from "drizzle-orm";
import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, parentRef, tenantRecord, ts } from "../../db/columns";
import { users } from "../../db/schema";

/** In-app notifications for staff; e-mail delivery is tracked per row (an outbox). */
export const notifications = pgTable(
  "notifications",
  {
    ...tenantRecord(),
    userId: parentRef("user_id", () => users.id),
    kind: text("kind").notNull(),
    resourceType: text("resource_type"),
    resourceId: text("resource_id"),
    /** Never personal data: a tracking code and what is due. */
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    readAt: ts("read_at"),
    emailStatus: text("email_status", { enum: ["none", "pending", "sent", "failed"] })
      .notNull()
      .default("none"),
    emailAttempts: integer("email_attempts").notNull().default(0),
    emailedAt: ts("emailed_at"),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_email_pending_idx").on(t.createdAt).where(sql`email_status = 'pending'`),
  ],
);
