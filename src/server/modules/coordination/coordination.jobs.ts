// Daily reminders of overdue action items (in-app, and by e-mail when SMTP is set): to the named owner (or, without one, every active
// account of the owner agency) and to the coordinator who planned the meeting. One reminder per item
// per WIB day: the (item, day) row is claimed before notifying, in the same transaction, so a second
// run that day (or another server) finds it taken and sends nothing.
import { and, eq, sql } from "drizzle-orm";
import { dateId, todayWib } from "../../../core/coordination";
import type { AppContext } from "../../context";
import { users } from "../../db/schema";
import type { Job } from "../../jobs/jobs";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { type NewNotification, notify } from "../notifications/notifications.service";
import { activeUsersOf, overdueWhere, selectActionItems } from "./coordination.repo";
import { actionItemReminders, meetings } from "./coordination.tables";

export async function remindOverdueActionItems(ctx: AppContext, now: Date): Promise<{ reminded: number; notifications: number }> {
  const tenant = ctx.config.regency;
  const day = todayWib(now);
  return ctx.db.transaction(async (tx) => {
    const overdue = await selectActionItems(tx, tenant, overdueWhere(now));
    const out: NewNotification[] = [];
    let reminded = 0;
    for (const item of overdue) {
      const claimed = await tx
        .insert(actionItemReminders)
        .values({ actionItemId: item.id, day, sentAt: now })
        .onConflictDoNothing()
        .returning({ id: actionItemReminders.actionItemId });
      if (claimed.length === 0) continue;
      reminded++;
      const recipients = new Map<string, string | null>();
      if (item.ownerUserId) {
        const [u] = await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(and(eq(users.id, item.ownerUserId), sql`${users.disabledAt} IS NULL`));
        if (u) recipients.set(u.id, u.email);
      } else {
        for (const u of await activeUsersOf(tx, tenant, item.ownerAgencyId)) recipients.set(u.id, u.email);
      }
      const [m] = await tx.select({ createdBy: meetings.createdBy }).from(meetings).where(eq(meetings.id, item.meetingId));
      if (m && !recipients.has(m.createdBy)) {
        const [c] = await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(and(eq(users.id, m.createdBy), sql`${users.disabledAt} IS NULL`));
        if (c) recipients.set(c.id, c.email);
      }
      for (const [userId, email] of recipients) {
        out.push({
          tenant,
          userId,
          email,
          kind: "action_item_overdue",
          resourceType: "action_item",
          resourceId: item.id,
          title: `Tindak lanjut lewat tenggat: ${item.title.slice(0, 80)}`,
          body: `${item.ownerAgencyName} — tenggat ${dateId(item.dueDate)} (rapat "${item.meetingTitle.slice(0, 80)}"). Perbarui status dan bukti penyelesaian di Simpul.`,
        });
      }
    }
    await notify(ctx, tx, out, now);
    if (reminded > 0) {
      await ctx.audit.write(tx, SYSTEM_ACTOR, {
        action: "coordination.action_item.remind",
        details: { items: reminded, notifications: out.length, day },
      });
    }
    return { reminded, notifications: out.length };
  });
}

export function coordinationJobs(ctx: AppContext): Job[] {
  return [{ name: "coordination.remind-overdue-action-items", intervalMs: 60 * 60_000, run: (now) => remindOverdueActionItems(ctx, now) }];
}
