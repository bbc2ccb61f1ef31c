// Delivery of e-mail notifications: the outbox is the `email_status` of each notification row.
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { AppContext } from "../../context";
import { users } from "../../db/schema";
import type { Job } from "../../jobs/scheduler";
import { notifications } from "./notifications.tables";

let transportCache: { url: string; t: nodemailer.Transporter } | undefined;
function transportFor(url: string): nodemailer.Transporter {
  if (transportCache?.url !== url) transportCache = { url, t: nodemailer.createTransport(url) };
  return transportCache.t;
}

/** Sends pending e-mail notifications (the outbox). Up to 5 attempts per message. */
export async function deliverMail(ctx: AppContext, now: Date): Promise<{ sent: number; failed: number }> {
  const url = ctx.config.smtpUrl;
  if (!url) return { sent: 0, failed: 0 };
  const pending = await ctx.db
    .select({ id: notifications.id, title: notifications.title, body: notifications.body, attempts: notifications.emailAttempts, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(sql`${notifications.emailStatus} = 'pending'`)
    .orderBy(notifications.createdAt)
    .limit(50);
  let sent = 0;
  let failed = 0;
  const transport = transportFor(url);
  for (const n of pending) {
    try {
      if (!n.email) throw new Error("no address");
      await transport.sendMail({ from: ctx.config.mailFrom, to: n.email, subject: `[Simpul] ${n.title}`, text: `${n.body}\n\n— Simpul` });
      await ctx.db.update(notifications).set({ emailStatus: "sent", emailedAt: now, emailAttempts: n.attempts + 1 }).where(eq(notifications.id, n.id));
      sent++;
    } catch {
      const attempts = n.attempts + 1;
      await ctx.db
        .update(notifications)
        .set({ emailAttempts: attempts, emailStatus: attempts >= 5 ? "failed" : "pending" })
        .where(eq(notifications.id, n.id));
      failed++;
    }
  }
  return { sent, failed };
}

export function notificationJobs(ctx: AppContext): Job[] {
  return [{ name: "notifications.mail", intervalMs: 60_000, run: (now) => deliverMail(ctx, now) }];
}
