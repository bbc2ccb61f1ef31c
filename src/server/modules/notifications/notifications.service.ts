// In-app notifications for staff (report and case deadlines, forwarded reports, referrals), with an
// e-mail outbox per row: `notify` writes them in the caller's transaction and enqueues their e-mail
// (the `mail.deliver` job, see notifications.mail.ts).
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { AppError } from "../../lib/errors";
import { iso } from "../../lib/time";
import { enqueueMail } from "./notifications.mail";
import { notifications } from "./notifications.tables";

export type NewNotification = {
  tenant: string;
  userId: string;
  email: string | null;
  kind: string;
  resourceType?: string;
  resourceId?: string;
  title: string;
  body: string;
};

/** The same notification to each of these users (in-app, and by e-mail when they have an address). */
export function notifyUsers(
  ctx: AppContext,
  tx: Db,
  recipients: { id: string; email: string | null }[],
  about: Omit<NewNotification, "userId" | "email">,
  now: Date,
): Promise<void> {
  return notify(
    ctx,
    tx,
    recipients.map((u) => ({ ...about, userId: u.id, email: u.email })),
    now,
  );
}

export async function notify(ctx: AppContext, tx: Db, items: NewNotification[], now: Date): Promise<void> {
  if (items.length === 0) return;
  const mail = !!ctx.config.smtpUrl;
  const rows = await tx
    .insert(notifications)
    .values(
      items.map((n) => ({
        tenant: n.tenant,
        userId: n.userId,
        kind: n.kind,
        resourceType: n.resourceType ?? null,
        resourceId: n.resourceId ?? null,
        title: n.title,
        body: n.body,
        createdAt: now,
        emailStatus: mail && n.email ? ("pending" as const) : ("none" as const),
      })),
    )
    .returning({ id: notifications.id, emailStatus: notifications.emailStatus });
  await enqueueMail(
    ctx,
    tx,
    rows.filter((r) => r.emailStatus === "pending").map((r) => r.id),
  );
}

export async function listNotifications(ctx: AppContext, p: Principal, unreadOnly: boolean) {
  const where = and(eq(notifications.userId, p.id), unreadOnly ? isNull(notifications.readAt) : undefined);
  const rows = await ctx.db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(100);
  const [{ unread }] = await ctx.db
    .select({ unread: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, p.id), isNull(notifications.readAt)));
  return {
    unread: Number(unread),
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      resourceType: n.resourceType,
      resourceId: n.resourceId,
      title: n.title,
      body: n.body,
      createdAt: iso(n.createdAt)!,
      readAt: iso(n.readAt),
    })),
  };
}

export async function markRead(ctx: AppContext, p: Principal, id: string): Promise<void> {
  const r = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, p.id)))
    .returning({ id: notifications.id });
  if (r.length === 0) throw new AppError("not_found");
}
