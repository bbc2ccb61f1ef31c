// Intake of public reports: validation, the batched write (reports.intake-batch.ts) and uploads of
// attachments before the report that claims them. Public submissions are audited without the client's IP.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { isWithin, regionLevelOf } from "../../../core/regions";
import type { AuditActor } from "../../auth/principal";
import { sqlAssertion } from "../../db/client";
import type { AppContext } from "../../context";
import { Deadlines } from "../../lib/deadlines";
import { encrypt } from "../../lib/crypto";
import { AppError, type FieldIssue, invalid } from "../../lib/errors";
import { identifiersOf } from "../../lib/identifiers";
import { AttachmentStore, type MediaType } from "../../lib/uploads/attachments";
import { cleanUpload, writeSealed } from "../../lib/uploads/uploads";
import { findRegion } from "../regions/regions.service";
import { type IntakeOutcome, intakeWriterFor } from "./reports.intake-batch";
import type { Reporter } from "./reports.present";
import type { ReportCreate } from "./reports.schema";
import { reportAttachments } from "./reports.tables";
import { sealReportText } from "./reports.text";
import { formatTrackingCode, newTrackingCode, pinFor, pinHash, submissionHash } from "./reports.tracking-code";

/** Uploads not attached to a report within this time are removed by the cleanup job. */
export const UPLOAD_TTL_MS = 24 * 3_600_000;

export const PUBLIC_ACTOR = (ip: string | null): AuditActor => ({ userId: null, username: "public", ip });

export class ReportIntake {
  readonly deadlines: Deadlines;
  readonly store: AttachmentStore;
  constructor(private readonly ctx: AppContext) {
    this.deadlines = new Deadlines(ctx.config.holidaysExtra);
    this.store = new AttachmentStore(ctx.config.dataDir);
  }

  private get tenant(): string {
    return this.ctx.config.regency;
  }

  /**
   * Stores a report and answers only after the commit. The same submission id returns the same
   * report (created = false) with the same code and PIN, so a client that lost the response can retry.
   * Public submissions are audited without the client's IP: anonymity must hold in the audit log too.
   */
  async submit(input: ReportCreate, now = new Date()): Promise<{ created: boolean; trackingCode: string; pin: string }> {
    const fields: Record<string, FieldIssue> = {};
    let regionCode: string | null = null;
    let kecamatanCode: string | null = null;
    const rc = input.location?.regionCode;
    if (rc) {
      const level = regionLevelOf(rc);
      if (level !== "desa" && level !== "kecamatan") fields["location.regionCode"] = { code: "region_level" };
      else if (!isWithin(rc, this.tenant)) fields["location.regionCode"] = { code: "region_outside_regency" };
      else if (!(await findRegion(this.ctx.db, rc))) fields["location.regionCode"] = { code: "region_unknown" };
      else {
        regionCode = rc;
        kecamatanCode = rc.split(".").slice(0, 3).join(".");
      }
    }
    const reporter: Reporter | undefined = input.anonymous ? undefined : input.reporter;
    const hasContact = !!(reporter && (reporter.name || reporter.phone || reporter.email));
    if (hasContact && !input.consent) fields.consent = { code: "consent_required" };
    if (Object.keys(fields).length) throw invalid(fields);

    const keys = this.ctx.keys;
    const subHash = submissionHash(keys, input.submissionId);
    const pin = pinFor(keys, input.submissionId);
    const people = input.people ?? [];
    const peopleEnc = people.length ? encrypt(keys, JSON.stringify(people)) : null;
    const reporterEnc = hasContact ? encrypt(keys, JSON.stringify(reporter)) : null;
    const sealed = sealReportText(keys, {
      description: input.description,
      offerText: input.offerText || null,
      placeText: input.location?.placeText ?? null,
      occurredText: input.occurredText ?? null,
      companies: [...new Set(people.flatMap((p) => p.companies ?? []))],
    });
    const identifiers = identifiersOf(keys, people);
    const attachmentIds = [...new Set(input.attachments ?? [])];
    const verifyDueAt = this.deadlines.verifyDue(now);

    const claimCutoff = new Date(now.getTime() - UPLOAD_TTL_MS).toISOString();

    // Written with the other reports arriving at the same moment, in one statement (reports.intake-batch.ts).
    for (let attempt = 0; attempt < 8; attempt++) {
      const code = newTrackingCode();
      const id = randomUUID();
      let outcome: IntakeOutcome;
      try {
        outcome = await intakeWriterFor(this.ctx).write({
          id,
          trackingCode: code,
          submissionHash: subHash,
          pinHash: pinHash(keys, code, pin),
          category: input.category,
          ...sealed,
          regionCode,
          kecamatanCode,
          occurredOn: input.occurredOn ?? null,
          anonymous: !hasContact,
          reporterEnc,
          peopleEnc,
          consent: input.consent,
          receivedAt: now.toISOString(),
          verifyDueAt: verifyDueAt.toISOString(),
          identifiers,
          attachmentIds,
          claimCutoff,
          audit: this.ctx.audit.prepare(PUBLIC_ACTOR(null), {
            action: "report.submit",
            resourceType: "report",
            resourceId: id,
            details: { category: input.category, attachments: attachmentIds.length, people: people.length },
          }),
        });
      } catch (err) {
        if (sqlAssertion(err) === "attachment_unknown") throw invalid(await this.unclaimable(input.attachments ?? [], claimCutoff));
        throw err;
      }
      if (outcome.kind === "created") return { created: true, trackingCode: formatTrackingCode(code), pin };
      if (outcome.kind === "replay") return { created: false, trackingCode: formatTrackingCode(outcome.trackingCode), pin };
      // A tracking-code collision (2^-50 per pair), or a concurrent retry of this submission that
      // committed after this statement began: try again with another code.
    }
    throw new AppError("internal");
  }

  /** Per-field errors for the attachments a report could not claim (unknown, expired or already used). */
  private async unclaimable(ids: string[], cutoff: string): Promise<Record<string, FieldIssue>> {
    const free = new Set(
      (
        await this.ctx.db
          .select({ id: reportAttachments.id })
          .from(reportAttachments)
          .where(
            and(
              eq(reportAttachments.tenant, this.tenant),
              inArray(reportAttachments.id, [...new Set(ids)]),
              isNull(reportAttachments.reportId),
              sql`${reportAttachments.createdAt} > ${cutoff}`,
            ),
          )
      ).map((a) => a.id),
    );
    const bad: Record<string, FieldIssue> = {};
    ids.forEach((a, i) => {
      if (!free.has(a)) bad[`attachments.${i}`] ??= { code: "attachment_unknown" };
    });
    // All free now: another submission held one while this one ran; report them all rather than none.
    if (!Object.keys(bad).length) {
      for (let i = 0; i < ids.length; i++) bad[`attachments.${i}`] = { code: "attachment_unknown" };
    }
    return bad;
  }

  /**
   * Stores an uploaded file: type sniffed, metadata stripped, encrypted under its own data key and
   * durably on disk, then its row committed. The row is unattached until a report claims it in the
   * report's own transaction. `sha256` is the file's name in the store (the hash of the ciphertext).
   */
  async upload(body: unknown): Promise<{ attachmentId: string; mediaType: MediaType; size: number; sha256: string }> {
    const cleaned = await cleanUpload(body, () => new AppError("unsupported_file_type"));
    const file = await writeSealed(this.store, this.ctx.keys, cleaned.data);
    const row = await this.ctx.withAudit(
      PUBLIC_ACTOR(null),
      (a: { id: string }) => ({
        action: "report.attachment.upload",
        resourceType: "report_attachment",
        resourceId: a.id,
        details: { mediaType: cleaned.mediaType },
      }),
      async (tx) =>
        (
          await tx
            .insert(reportAttachments)
            .values({
              tenant: this.tenant,
              sha256: file.sha256,
              fileKeyEnc: file.fileKeyEnc,
              mediaType: cleaned.mediaType,
              size: cleaned.data.length,
              stripped: cleaned.stripped,
            })
            .returning({ id: reportAttachments.id })
        )[0]!,
    );
    return { attachmentId: row.id, mediaType: cleaned.mediaType, size: cleaned.data.length, sha256: file.sha256 };
  }
}
