// Scheduled work for public reports: escalate overdue deadlines to coordinators, deliver e-mail
// notifications, remove uploads never attached to a report and files no row references, encrypt
// attachments stored before encryption at rest. Each job takes "now" so tests can fix it.
import nodemailer from "nodemailer";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AppContext } from "../../context";
import { rowsOf, type Db } from "../../db/client";
import { users } from "../../db/schema";
import type { Job } from "../../jobs/scheduler";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { notify, type NewNotification } from "./notifications";
import { inJurisdiction } from "./reports.policy";
import { insertEvent } from "./reports.repo";
import { UPLOAD_TTL_MS } from "./reports.service";
import { notifications, reportAttachments } from "./reports.tables";
import { formatTrackingCode } from "./reports.tracking-code";
import { AttachmentStore } from "../../lib/uploads/attachments";
import type { PgColumn } from "drizzle-orm/pg-core";
import { caseDocuments } from "../cases/cases.tables";
import { outreachSessionPhotos } from "../outreach/outreach.tables";
import { encryptLegacyFiles } from "../../lib/uploads/uploads";

const BATCH = 500;

async function coordinatorsOf(db: Db, tenant: string) {
  return db
    .select({ id: users.id, email: users.email, jurisdiction: users.jurisdiction, roles: users.roles })
    .from(users)
    .where(and(eq(users.tenant, tenant), sql`'coordinator' = ANY(${users.roles})`, sql`${users.disabledAt} IS NULL`));
}

/** Marks newly overdue reports and forwards as escalated, records it, and notifies the coordinators. */
export async function escalateOverdue(ctx: AppContext, now: Date): Promise<{ verify: number; response: number }> {
  const tenant = ctx.config.regency;
  const coordinators = await coordinatorsOf(ctx.db, tenant);
  const at = now.toISOString();
  return ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const verify = rowsOf<{ id: string; tracking_code: string; region_code: string | null }>(
      await tx.execute(sql`UPDATE public_reports SET verify_escalated_at = ${at}
        WHERE id IN (SELECT id FROM public_reports WHERE tenant = ${tenant} AND status = 'received'
                     AND verify_due_at <= ${at} AND verify_escalated_at IS NULL
                     ORDER BY verify_due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING id, tracking_code, region_code`),
    );
    const response = rowsOf<{ report_id: string; agency_id: string; agency_name: string; tracking_code: string; region_code: string | null }>(
      await tx.execute(sql`UPDATE report_forwards f SET escalated_at = ${at}
        FROM public_reports r, agencies a
        WHERE f.id IN (SELECT f2.id FROM report_forwards f2 WHERE f2.tenant = ${tenant} AND f2.first_response_at IS NULL
                       AND f2.response_due_at <= ${at} AND f2.escalated_at IS NULL
                       ORDER BY f2.response_due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          AND r.id = f.report_id AND a.id = f.agency_id AND r.status NOT IN ('closed', 'rejected')
        RETURNING f.report_id, f.agency_id, a.name AS agency_name, r.tracking_code, r.region_code`),
    );
    const out: NewNotification[] = [];
    const tell = (reportId: string, regionCode: string | null, title: string, body: string) => {
      for (const c of coordinators) {
        if (!inJurisdiction({ jurisdiction: c.jurisdiction } as never, regionCode)) continue;
        out.push({ tenant, userId: c.id, email: c.email, kind: "report.overdue", resourceType: "report", resourceId: reportId, title, body });
      }
    };
    for (const r of verify) {
      const code = formatTrackingCode(r.tracking_code);
      await insertEvent(tx, { tenant, reportId: r.id, kind: "escalated", internalNote: "Lewat batas verifikasi 3 hari kerja.", details: { deadline: "verify" }, at: now });
      await ctx.audit.write(tx, SYSTEM_ACTOR, { action: "report.escalate", resourceType: "report", resourceId: r.id, details: { deadline: "verify" } });
      tell(r.id, r.region_code, `Laporan ${code} belum diverifikasi`, `Laporan ${code} melewati batas verifikasi 3 hari kerja. Buka antrean pengaduan untuk menindaklanjuti.`);
    }
    for (const r of response) {
      const code = formatTrackingCode(r.tracking_code);
      await insertEvent(tx, {
        tenant,
        reportId: r.report_id,
        kind: "escalated",
        agencyId: r.agency_id,
        internalNote: `Belum ada tanggapan pertama dari ${r.agency_name} dalam 5 hari kerja.`,
        details: { deadline: "response" },
        at: now,
      });
      await ctx.audit.write(tx, SYSTEM_ACTOR, { action: "report.escalate", resourceType: "report", resourceId: r.report_id, details: { deadline: "response", agencyId: r.agency_id } });
      tell(r.report_id, r.region_code, `Laporan ${code}: ${r.agency_name} belum menanggapi`, `${r.agency_name} belum memberi tanggapan pertama atas laporan ${code} dalam 5 hari kerja.`);
    }
    await notify(ctx, tx, out, now);
    return { verify: verify.length, response: response.length };
  });
}

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

/** Removes uploads that no report claimed within 24 hours, and their files when nothing else uses them. */
export async function cleanupUploads(ctx: AppContext, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - UPLOAD_TTL_MS);
  const removed = rowsOf<{ sha256: string }>(
    await ctx.db.execute(sql`DELETE FROM report_attachments WHERE id IN (
        SELECT id FROM report_attachments WHERE report_id IS NULL AND created_at < ${cutoff.toISOString()} LIMIT ${BATCH})
      RETURNING sha256`),
  );
  const store = new AttachmentStore(ctx.config.dataDir);
  for (const sha of new Set(removed.map((r) => r.sha256))) {
    const [still] = await ctx.db.select({ id: reportAttachments.id }).from(reportAttachments).where(eq(reportAttachments.sha256, sha)).limit(1);
    if (!still) await store.remove(sha, cutoff);
  }
  return removed.length;
}

/**
 * Encrypts the files of attachments stored before encryption at rest, up to `batch` per run (see
 * encryptLegacyFiles), audited as `report.attachment.encrypt`. Unclaimed uploads are encrypted too:
 * the upload cleanup removes them by the name the row holds, whichever file that is.
 */
export async function encryptLegacyAttachments(ctx: AppContext, batch = 100): Promise<{ encrypted: number; missing: number }> {
  const rows = await ctx.db
    .select({ id: reportAttachments.id, reportId: reportAttachments.reportId, sha256: reportAttachments.sha256 })
    .from(reportAttachments)
    .where(isNull(reportAttachments.fileKeyEnc))
    .orderBy(asc(reportAttachments.id))
    .limit(batch);
  return encryptLegacyFiles(new AttachmentStore(ctx.config.dataDir), ctx.keys, rows, async (r, file) => {
    const done = await ctx.withAudit(
      SYSTEM_ACTOR,
      { action: "report.attachment.encrypt", resourceType: "report_attachment", resourceId: r.id, details: { reportId: r.reportId } },
      (tx) =>
        tx
          .update(reportAttachments)
          .set({ sha256: file.sha256, fileKeyEnc: file.fileKeyEnc })
          .where(and(eq(reportAttachments.id, r.id), isNull(reportAttachments.fileKeyEnc), eq(reportAttachments.sha256, r.sha256)))
          .returning({ id: reportAttachments.id }),
    );
    return done.length > 0;
  });
}

/** Files younger than this are never treated as orphans: a put() is followed by its row's commit within moments. */
export const ORPHAN_FILE_GRACE_MS = 6 * 3_600_000;

/**
 * Removes attachment files that no committed row references and that are older than the grace
 * period: a file written just before a crash, whose upload row never committed, and temp files of
 * interrupted writes. A file is checked against the database in batches and its mtime is checked
 * again just before removal (a new upload of the same content refreshes it).
 */
export async function cleanupOrphanFiles(ctx: AppContext, now: Date): Promise<number> {
  let removed = 0;
  for (const kind of FILE_KINDS) removed += await sweepStore(ctx, now, kind);
  return removed;
}

/**
 * Every store of uploaded files and the column that references them. Case documents are soft-deleted,
 * so a deleted document's row still holds its file (kept as a record of what the case held). Report
 * attachments and case documents are encrypted and their `sha256` is the hash of the ciphertext, i.e.
 * still the file's name.
 */
const FILE_KINDS: { folder: string; sha256: PgColumn }[] = [
  { folder: "attachments", sha256: reportAttachments.sha256 },
  { folder: "outreach-photos", sha256: outreachSessionPhotos.sha256 },
  { folder: "case-documents", sha256: caseDocuments.sha256 },
];

async function sweepStore(ctx: AppContext, now: Date, kind: { folder: string; sha256: PgColumn }): Promise<number> {
  const cutoff = new Date(now.getTime() - ORPHAN_FILE_GRACE_MS);
  const store = new AttachmentStore(ctx.config.dataDir, kind.folder);
  let removed = 0;
  let batch: string[] = [];
  const sweep = async () => {
    if (batch.length === 0) return;
    const used = rowsOf<{ sha256: string }>(
      await ctx.db.execute(sql`SELECT DISTINCT ${kind.sha256} AS sha256 FROM ${kind.sha256.table} WHERE ${inArray(kind.sha256, batch)}`),
    );
    const referenced = new Set(used.map((u) => u.sha256));
    for (const sha of batch) {
      if (!referenced.has(sha) && (await store.remove(sha, cutoff))) removed++;
    }
    batch = [];
  };
  for await (const f of store.files()) {
    if (f.mtime >= cutoff) continue;
    if (!f.sha256) {
      if (await store.removeTemp(f.file, cutoff)) removed++;
      continue;
    }
    batch.push(f.sha256);
    if (batch.length >= BATCH) await sweep();
  }
  await sweep();
  return removed;
}

export function reportJobs(ctx: AppContext): Job[] {
  return [
    { name: "reports.escalate", intervalMs: 5 * 60_000, run: (now) => escalateOverdue(ctx, now) },
    { name: "notifications.mail", intervalMs: 60_000, run: (now) => deliverMail(ctx, now) },
    { name: "reports.cleanup-uploads", intervalMs: 60 * 60_000, run: (now) => cleanupUploads(ctx, now) },
    { name: "reports.cleanup-orphan-files", intervalMs: 6 * 60 * 60_000, run: (now) => cleanupOrphanFiles(ctx, now) },
    { name: "reports.encrypt-legacy-attachments", intervalMs: 60 * 60_000, run: () => encryptLegacyAttachments(ctx) },
  ];
}
