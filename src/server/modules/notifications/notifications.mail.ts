// The e-mail outbox. A notification with an address gets `email_status = 'pending'` and a `mail.deliver`
// job in the same transaction (pg-boss on PostgreSQL). The job sends it through nodemailer; a failed send
// is retried with backoff, and after `SIMPUL_MAIL_ATTEMPTS` attempts the row is marked `failed` (the dead
// letter, visible in `notifications`). Rows still pending long after they were written (the embedded
// database's in-memory queue after a restart, rows from before the queue) are offered again.
import { and, eq, lt, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import type { Job, RunInfo } from "../../jobs/jobs";
import { notifications } from "./notifications.tables";

export const MAIL_QUEUE = "mail.deliver";

/** Declares the mail queue with its retry policy; every process that writes notifications does this. */
export function declareMailQueue(ctx: AppContext): Promise<void> {
  return ctx.jobs.queue(MAIL_QUEUE, {
    retryLimit: ctx.config.mailAttempts - 1,
    retryDelaySeconds: ctx.config.mailRetrySeconds,
    retryBackoff: true,
  });
}

/** Enqueues the e-mail of notifications just written (in the writer's transaction where the runner supports it). */
export async function enqueueMail(ctx: AppContext, tx: Db, notificationIds: string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  await declareMailQueue(ctx);
  await ctx.jobs.sendMany(
    MAIL_QUEUE,
    notificationIds.map((id) => ({ notificationId: id })),
    { db: tx },
  );
}

let transportCache: { url: string; t: nodemailer.Transporter } | undefined;
function transportFor(url: string): nodemailer.Transporter {
  if (transportCache?.url !== url) transportCache = { url, t: nodemailer.createTransport(url) };
  return transportCache.t;
}

export type MailOutcome = "sent" | "skipped";

/**
 * Sends one notification's e-mail. A row that is no longer pending (sent, failed, deleted, or its
 * transaction rolled back) is skipped, so a job offered twice sends once. A failure counts the attempt and
 * throws so the runner retries; on the last attempt the row becomes `failed`.
 */
export async function deliverNotificationMail(
  ctx: AppContext,
  notificationId: string,
  now: Date,
  info: Pick<RunInfo, "lastAttempt">,
): Promise<MailOutcome> {
  const url = ctx.config.smtpUrl;
  const [n] = await ctx.db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      attempts: notifications.emailAttempts,
      email: users.email,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.id, notificationId), eq(notifications.emailStatus, "pending")));
  if (!n) return "skipped";
  try {
    if (!url) throw new Error("SMTP is not configured");
    if (!n.email) throw new Error("no address");
    await transportFor(url).sendMail({
      from: ctx.config.mailFrom,
      to: n.email,
      subject: `[Simpul] ${n.title}`,
      text: `${n.body}\n\n— Simpul`,
    });
  } catch (err) {
    await ctx.db
      .update(notifications)
      .set({ emailAttempts: sql`${notifications.emailAttempts} + 1`, emailStatus: info.lastAttempt ? "failed" : "pending" })
      .where(and(eq(notifications.id, n.id), eq(notifications.emailStatus, "pending")));
    throw err;
  }
  await ctx.db
    .update(notifications)
    .set({ emailStatus: "sent", emailedAt: now, emailAttempts: sql`${notifications.emailAttempts} + 1` })
    .where(eq(notifications.id, n.id));
  return "sent";
}

/** Offers again the e-mails still pending that were written before `olderThan`; returns how many were offered. */
export async function offerPendingMail(ctx: AppContext, olderThan: Date, limit = 500): Promise<number> {
  const rows = await ctx.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.emailStatus, "pending"), lt(notifications.createdAt, olderThan)))
    .orderBy(notifications.createdAt)
    .limit(limit);
  await declareMailQueue(ctx);
  let offered = 0;
  // One offer per row per hour at most (pg-boss: singleton slot; in-process: while one is queued).
  for (const r of rows)
    if (await ctx.jobs.send(MAIL_QUEUE, { notificationId: r.id }, { singletonKey: r.id, singletonSeconds: 3600 })) offered++;
  return offered;
}

/** Registers the mail worker and the recovery job in a process that runs jobs. */
export async function startMailJobs(ctx: AppContext): Promise<void> {
  await declareMailQueue(ctx);
  await ctx.jobs.work<{ notificationId: string }>(MAIL_QUEUE, (p, info) =>
    deliverNotificationMail(ctx, p.notificationId, new Date(), info),
  );
}

export function mailJobs(ctx: AppContext): Job[] {
  const startedAt = new Date();
  // In-process, the queue starts empty: everything pending from before this start was lost with the old
  // process. On pg-boss a pending row has a job unless it is old (pg-boss retries finish within minutes).
  const olderThan = (now: Date) => (ctx.jobs.kind === "in-process" ? startedAt : new Date(now.getTime() - 3_600_000));
  return [{ name: "notifications.mail-recover", intervalMs: 15 * 60_000, run: (now) => offerPendingMail(ctx, olderThan(now)) }];
}
