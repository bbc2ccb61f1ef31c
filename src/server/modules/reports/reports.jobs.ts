// Scheduled work for public reports: escalate overdue deadlines to coordinators (e-mail goes through
// the mail queue, see notifications.mail.ts), remove uploads never attached to a report and attachment
// files no row references, encrypt attachments stored before encryption at rest. Each job takes "now"
// so tests can fix it.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { AppContext } from "../../context";
import { type Db, rowsOf } from "../../db/client";
import { users } from "../../db/schema";
import { activeWithRole } from "../../db/users";
import type { Job } from "../../jobs/jobs";
import { AttachmentStore } from "../../lib/uploads/attachments";
import { type FileKind, sweepOrphanFiles } from "../../lib/uploads/orphan-files";
import { encryptLegacyFiles } from "../../lib/uploads/uploads";
import { SYSTEM_ACTOR } from "../audit/audit.service";
import { type NewNotification, notify } from "../notifications/notifications.service";
import { UPLOAD_TTL_MS } from "./reports.intake";
import { inJurisdiction } from "./reports.policy";
import { insertEvent } from "./reports.repo";
import { reportAttachments } from "./reports.tables";
import { formatTrackingCode } from "./reports.tracking-code";

const BATCH = 500;

async function coordinatorsOf(db: Db, tenant: string) {
  return db
    .select({ id: users.id, email: users.email, jurisdiction: users.jurisdiction, roles: users.roles })
    .from(users)
    .where(activeWithRole(tenant, "coordinator"));
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
    const response = rowsOf<{
      report_id: string;
      agency_id: string;
      agency_name: string;
      tracking_code: string;
      region_code: string | null;
    }>(
      await tx.execute(sql`UPDATE report_forwards f SET escalated_at = ${at}
        FROM public_reports r, agencies a
        WHERE f.id IN (SELECT f2.id FROM report_forwards f2 WHERE f2.tenant = ${tenant} AND f2.first_response_at IS NULL
                       AND f2.response_due_at <= ${at} AND f2.escalated_at IS NULL
                       ORDER BY f2.response_due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          AND r.id = f.report_id AND a.id = f.agency_id AND r.status NOT IN ('closed', 'rejected')
        RETURNING f.report_id, f.agency_id, a.name AS agency_name, r.tracking_code, r.region_code`),
    );
    const out: NewNotification[] = [];
    /** One escalation: the report's timeline event, the audit record, and word to the coordinators of its area. */
    const escalate = async (
      reportId: string,
      regionCode: string | null,
      event: { agencyId?: string; internalNote: string },
      details: { deadline: "verify" | "response"; agencyId?: string },
      title: string,
      body: string,
    ) => {
      await insertEvent(tx, ctx.keys, {
        tenant,
        reportId,
        kind: "escalated",
        ...event,
        details: { deadline: details.deadline },
        at: now,
      });
      await ctx.audit.write(tx, SYSTEM_ACTOR, { action: "report.escalate", resourceType: "report", resourceId: reportId, details });
      for (const c of coordinators) {
        if (!inJurisdiction({ jurisdiction: c.jurisdiction } as never, regionCode)) continue;
        out.push({
          tenant,
          userId: c.id,
          email: c.email,
          kind: "report.overdue",
          resourceType: "report",
          resourceId: reportId,
          title,
          body,
        });
      }
    };
    for (const r of verify) {
      const code = formatTrackingCode(r.tracking_code);
      await escalate(
        r.id,
        r.region_code,
        { internalNote: "Lewat batas verifikasi 3 hari kerja." },
        { deadline: "verify" },
        `Laporan ${code} belum diverifikasi`,
        `Laporan ${code} melewati batas verifikasi 3 hari kerja. Buka antrean pengaduan untuk menindaklanjuti.`,
      );
    }
    for (const r of response) {
      const code = formatTrackingCode(r.tracking_code);
      await escalate(
        r.report_id,
        r.region_code,
        { agencyId: r.agency_id, internalNote: `Belum ada tanggapan pertama dari ${r.agency_name} dalam 5 hari kerja.` },
        { deadline: "response", agencyId: r.agency_id },
        `Laporan ${code}: ${r.agency_name} belum menanggapi`,
        `${r.agency_name} belum memberi tanggapan pertama atas laporan ${code} dalam 5 hari kerja.`,
      );
    }
    await notify(ctx, tx, out, now);
    return { verify: verify.length, response: response.length };
  });
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
    const [still] = await ctx.db
      .select({ id: reportAttachments.id })
      .from(reportAttachments)
      .where(eq(reportAttachments.sha256, sha))
      .limit(1);
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

/** Report attachments: encrypted, so `sha256` is the hash of the ciphertext, i.e. still the file's name. */
export const ATTACHMENT_FILES: FileKind = { folder: "attachments", sha256: reportAttachments.sha256 };

export function reportJobs(ctx: AppContext): Job[] {
  return [
    { name: "reports.escalate", intervalMs: 5 * 60_000, run: (now) => escalateOverdue(ctx, now) },
    { name: "reports.cleanup-uploads", intervalMs: 60 * 60_000, run: (now) => cleanupUploads(ctx, now) },
    {
      name: "reports.cleanup-orphan-files",
      intervalMs: 6 * 60 * 60_000,
      run: (now) => sweepOrphanFiles(ctx.db, ctx.config.dataDir, ATTACHMENT_FILES, now),
    },
    { name: "reports.encrypt-legacy-attachments", intervalMs: 60 * 60_000, run: () => encryptLegacyAttachments(ctx) },
  ];
}
