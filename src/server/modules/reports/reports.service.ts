// Public reports: intake and lookup for the public, triage and handling for staff.
// Every state change writes a timeline event and an audit record in the same transaction.
import { randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { isWithin, regionLevelOf } from "../../../core/regions";
import type { Principal } from "../../auth/principal";
import { type Db, sqlAssertion } from "../../db/client";
import { agencies, users } from "../../db/schema";
import type { AppContext } from "../../context";
import { decrypt, encrypt } from "../../lib/crypto";
import { AppError, type FieldIssue, invalid } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { accessTo as caseAccessTo, findCase } from "../cases/cases.repo";
import { CaseService } from "../cases/cases.service";
import { findRegion } from "../regions/regions.repo";
import { AttachmentStore, type MediaType } from "../../lib/uploads/attachments";
import { Deadlines } from "./deadlines";
import { type IntakeOutcome, intakeWriterFor } from "./intake";
import { takePinAttempt } from "../ratelimit/ratelimit.service";
import { notify } from "./notifications";
import { identifiersOf, searchIdentifiers } from "./identifiers";
import { type ReportAccess, reportPolicy } from "./reports.policy";
import {
  attachmentsOf,
  eventsOf,
  findReport,
  forwardsOf,
  insertEvent,
  iso,
  jurisdictionWhere,
  linksOf,
  listReports,
  reportAccessOf,
  type ReportRow,
} from "./reports.repo";
import type { PersonInput, QueueQuery, ReportCreate, ReportDetail, ReportSummary, ToCase } from "./reports.schema";
import { publicReports, type REPORT_OUTCOMES, reportAttachments, reportForwards, type ReportStatus } from "./reports.tables";
import { cleanUpload, readSealed, writeSealed } from "../../lib/uploads/uploads";
import { formatTrackingCode, newTrackingCode, normaliseTrackingCode, pinFor, pinHash, submissionHash } from "./tracking-code";
import { jakartaDate } from "./working-days";

/** Uploads not attached to a report within this time are removed by the cleanup job. */
export const UPLOAD_TTL_MS = 24 * 3_600_000;

const PUBLIC_ACTOR = (ip: string | null): AuditActor => ({ userId: null, username: "public", ip });

type Reporter = NonNullable<ReportCreate["reporter"]>;

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function excerpt(s: string, n = 200): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export class ReportsService {
  readonly deadlines: Deadlines;
  readonly store: AttachmentStore;
  constructor(private readonly ctx: AppContext) {
    this.deadlines = new Deadlines(ctx.config.holidaysExtra);
    this.store = new AttachmentStore(ctx.config.dataDir);
  }

  private get tenant(): string {
    return this.ctx.config.regency;
  }

  // ---------------------------------------------------------------- public

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
    const companies = [...new Set(people.flatMap((p) => p.companies ?? []))];
    const identifiers = identifiersOf(keys, people);
    const attachmentIds = [...new Set(input.attachments ?? [])];
    const verifyDueAt = this.deadlines.verifyDue(now);

    const claimCutoff = new Date(now.getTime() - UPLOAD_TTL_MS).toISOString();

    // Written with the other reports arriving at the same moment, in one statement (intake.ts).
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
          description: input.description,
          offerText: input.offerText || null,
          regionCode,
          kecamatanCode,
          placeText: input.location?.placeText ?? null,
          occurredOn: input.occurredOn ?? null,
          occurredText: input.occurredText ?? null,
          anonymous: !hasContact,
          reporterEnc,
          peopleEnc,
          companies,
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
    const cleaned = cleanUpload(body, () => new AppError("unsupported_file_type"));
    const file = await writeSealed(this.store, this.ctx.keys, cleaned.data);
    const row = await this.ctx.withAudit(
      PUBLIC_ACTOR(null),
      (a: { id: string }) => ({ action: "report.attachment.upload", resourceType: "report_attachment", resourceId: a.id, details: { mediaType: cleaned.mediaType } }),
      async (tx) =>
        (
          await tx
            .insert(reportAttachments)
            .values({ tenant: this.tenant, sha256: file.sha256, fileKeyEnc: file.fileKeyEnc, mediaType: cleaned.mediaType, size: cleaned.data.length, stripped: cleaned.stripped })
            .returning({ id: reportAttachments.id })
        )[0]!,
    );
    return { attachmentId: row.id, mediaType: cleaned.mediaType, size: cleaned.data.length, sha256: file.sha256 };
  }

  /**
   * Status for the public. A wrong code and a wrong PIN answer the same 404 `pin_wrong` with the
   * attempts left; too many wrong attempts answer 429 `pin_locked` with the time the lock ends
   * (see takePinAttempt: per client and code, plus a softer per-code brake).
   */
  async lookup(trackingCode: string, pin: string, client = "-", now = new Date()) {
    const code = normaliseTrackingCode(trackingCode);
    const candidate = pinHash(this.ctx.keys, code ?? "-", pin.trim());
    if (!code) throw new AppError("not_found");
    const attempt = await takePinAttempt(this.ctx.db, this.ctx.keys, code, client);
    if (!attempt.allowed) {
      const err = new AppError("pin_locked");
      err.info = { retryAt: attempt.retryAt.toISOString(), retryAfter: Math.max(1, Math.ceil((attempt.retryAt.getTime() - now.getTime()) / 1000)) };
      throw err;
    }
    const [r] = await this.ctx.db
      .select({
        id: publicReports.id,
        pinHash: publicReports.pinHash,
        category: publicReports.category,
        status: publicReports.status,
        receivedAt: publicReports.receivedAt,
        outcome: publicReports.outcome,
      })
      .from(publicReports)
      .where(eq(publicReports.trackingCode, code));
    if (!r || !sameHex(candidate, r.pinHash)) {
      const err = new AppError("pin_wrong");
      err.info = { attemptsLeft: attempt.attemptsLeft };
      throw err;
    }
    await attempt.settle(true);
    const events = await eventsOf(this.ctx.db, r.id);
    const timeline = events
      .filter(({ e }) => e.kind !== "escalated" && e.kind !== "case_created" && (e.kind !== "note" || e.publicNote))
      .map(({ e, agency }) => ({
        at: iso(e.at)!,
        kind: e.kind,
        status: e.status,
        note: e.publicNote,
        // Which agency handles it is public (as on LAPOR!); who inside it is not.
        agency: e.kind === "forwarded" || e.kind === "agency_response" ? (agency?.name ?? null) : null,
      }));
    return {
      trackingCode: formatTrackingCode(code),
      category: r.category,
      status: r.status,
      receivedAt: iso(r.receivedAt)!,
      outcome: r.outcome,
      timeline,
    };
  }

  // ---------------------------------------------------------------- staff: lists

  async queue(p: Principal, q: QueueQuery, now = new Date()): Promise<{ items: ReportSummary[]; total: number }> {
    const { rows, total } = await listReports(
      this.ctx.db,
      p.tenant,
      jurisdictionWhere(p),
      {
        status: q.status,
        category: q.category,
        kecamatan: q.kecamatan,
        overdue: q.overdue === undefined ? undefined : q.overdue === "true",
        q: q.q,
        identifierHashes: q.q ? searchIdentifiers(this.ctx.keys, q.q) : undefined,
        agencyId: q.agencyId,
        limit: q.limit,
        offset: q.offset,
      },
      now,
    );
    return { items: rows.map(summaryOf), total };
  }

  /** Reports forwarded to the operator's own agency, whatever the jurisdiction. */
  async inbox(p: Principal, q: QueueQuery, now = new Date()) {
    const { rows, total } = await listReports(
      this.ctx.db,
      p.tenant,
      undefined,
      {
        status: q.status,
        category: q.category,
        kecamatan: q.kecamatan,
        overdue: q.overdue === undefined ? undefined : q.overdue === "true",
        q: q.q,
        agencyId: p.agencyId!,
        limit: q.limit,
        offset: q.offset,
      },
      now,
    );
    return { items: rows.map(summaryOf), total };
  }

  // ---------------------------------------------------------------- staff: one report

  private access(db: Db, r: ReportRow): Promise<ReportAccess> {
    return reportAccessOf(db, r);
  }

  /** Loads a report the principal may read, or answers 404 (out of scope looks like absent). */
  private async readable(db: Db, p: Principal, id: string, forUpdate = false): Promise<{ r: ReportRow; access: ReportAccess }> {
    const r = await findReport(db, p.tenant, id, forUpdate);
    if (!r) throw new AppError("not_found");
    const access = await this.access(db, r);
    if (!reportPolicy.can(p, "read", access)) throw new AppError("not_found");
    return { r, access };
  }

  async detail(p: Principal, actor: AuditActor, id: string, now = new Date()): Promise<ReportDetail> {
    // Reading a report shows personal data: the read is audited, in the same transaction.
    return this.ctx.withAudit(actor, { action: "report.read", resourceType: "report", resourceId: id }, async (tx) => {
      const { r, access } = await this.readable(tx, p, id);
      return this.present(tx, p, r, access, now);
    });
  }

  private async present(db: Db, p: Principal, r: ReportRow, access: ReportAccess, now: Date): Promise<ReportDetail> {
    const keys = this.ctx.keys;
    // One query at a time: `db` is the audit transaction, a single connection.
    const forwards = await forwardsOf(db, r.id);
    const events = await eventsOf(db, r.id);
    const files = await attachmentsOf(db, r.id);
    const canLinks = reportPolicy.can(p, "seeLinks", access);
    const links = canLinks ? await linksOf(db, r.tenant, r.id) : [];
    const isCoordinator = reportPolicy.can(p, "triage", access);
    const people = r.peopleEnc ? (JSON.parse(decrypt(keys, r.peopleEnc)) as PersonInput[]) : [];
    const reporter =
      r.reporterEnc && reportPolicy.can(p, "seeReporter", access) ? (JSON.parse(decrypt(keys, r.reporterEnc)) as Reporter) : null;
    // The case a report became is shown only to those who may see that case: to anyone else it does not exist.
    const linkedCase = r.caseId ? await findCase(db, r.tenant, r.caseId) : undefined;
    const caseVisible = !!linkedCase && (await caseAccessTo(db, p, linkedCase)) !== null;
    const open = r.status !== "closed" && r.status !== "rejected";
    const forwardViews = forwards.map(({ f, agency }) => ({
      id: f.id,
      agency,
      instruction: f.instruction,
      shareContact: f.shareContact,
      forwardedAt: iso(f.forwardedAt)!,
      responseDueAt: iso(f.responseDueAt)!,
      firstResponseAt: iso(f.firstResponseAt),
      overdue: open && !f.firstResponseAt && f.responseDueAt <= now,
    }));
    const pendingDue = forwardViews.filter((f) => !f.firstResponseAt).map((f) => f.responseDueAt).sort()[0] ?? null;
    const verifyOverdue = r.status === "received" && r.verifyDueAt <= now;
    // An agency operator sees its own agency's forward and instruction only.
    const visibleForwards = isCoordinator ? forwardViews : forwardViews.filter((f) => f.agency.id === p.agencyId);
    return {
      id: r.id,
      trackingCode: formatTrackingCode(r.trackingCode),
      category: r.category,
      status: r.status,
      excerpt: excerpt(r.description),
      regionCode: r.regionCode,
      kecamatanCode: r.kecamatanCode,
      placeText: r.placeText,
      receivedAt: iso(r.receivedAt)!,
      verifyDueAt: iso(r.verifyDueAt)!,
      overdue: open && (verifyOverdue || forwardViews.some((f) => f.overdue)),
      nextDueAt: r.status === "received" ? iso(r.verifyDueAt) : open ? pendingDue : null,
      linkedReports: new Set(links.map((l) => l.reportId)).size,
      attachments: files.length,
      description: r.description,
      offerText: r.offerText,
      occurredOn: r.occurredOn,
      occurredText: r.occurredText,
      anonymous: r.anonymous,
      consent: r.consent,
      reporter: reporter
        ? { name: reporter.name ?? null, phone: reporter.phone ?? null, email: reporter.email ?? null, relation: reporter.relation ?? null }
        : null,
      people: people.map((x) => ({
        name: x.name ?? null,
        role: x.role ?? null,
        phones: x.phones ?? [],
        handles: x.handles ?? [],
        companies: x.companies ?? [],
        bankAccounts: x.bankAccounts ?? [],
        notes: x.notes ?? null,
      })),
      outcome: r.outcome,
      verifiedAt: iso(r.verifiedAt),
      closedAt: iso(r.closedAt),
      caseId: caseVisible ? r.caseId : null,
      forwards: visibleForwards,
      timeline: events
        // Operators do not see other agencies' internal notes.
        .filter(({ e }) => isCoordinator || !e.agencyId || e.agencyId === p.agencyId || e.kind === "forwarded" || e.publicNote)
        .filter(({ e }) => e.kind !== "case_created" || caseVisible)
        .map(({ e, actor, agency }) => ({
          id: e.id,
          at: iso(e.at)!,
          kind: e.kind,
          status: e.status,
          actor: actor ?? (e.kind === "received" ? null : e.kind === "escalated" ? "sistem" : null),
          agency: agency?.id ? agency : null,
          publicNote: e.publicNote,
          internalNote: isCoordinator || !e.agencyId || e.agencyId === p.agencyId ? e.internalNote : null,
        })),
      links: links.map((l) => ({
        reportId: l.reportId,
        trackingCode: formatTrackingCode(l.trackingCode),
        status: l.status,
        receivedAt: iso(l.receivedAt)!,
        sharedKinds: l.kinds as ReportDetail["links"][number]["sharedKinds"],
      })),
      attachmentList: files.map((f) => ({ id: f.id, mediaType: f.mediaType, size: f.size, stripped: f.stripped })),
      abilities: {
        verify: isCoordinator && r.status === "received",
        reject: isCoordinator && (r.status === "received" || r.status === "verified"),
        forward: isCoordinator && ["verified", "forwarded", "in_handling"].includes(r.status),
        respond: reportPolicy.can(p, "respond", access) && (r.status === "forwarded" || r.status === "in_handling"),
        note: reportPolicy.can(p, "note", access),
        close: isCoordinator && open,
        reopen: isCoordinator && !open,
        toCase: reportPolicy.can(p, "toCase", access) && convertible(r),
      },
    };
  }

  /** The plain (stripped) file of an attachment the principal may read (via the report); audited. */
  async attachment(p: Principal, actor: AuditActor, reportId: string, attachmentId: string): Promise<{ id: string; mediaType: string; data: Buffer }> {
    const a = await this.ctx.withAudit(actor, { action: "report.attachment.read", resourceType: "report", resourceId: reportId, details: { attachmentId } }, async (tx) => {
      await this.readable(tx, p, reportId);
      const [row] = await tx
        .select()
        .from(reportAttachments)
        .where(and(eq(reportAttachments.id, attachmentId), eq(reportAttachments.reportId, reportId)));
      if (!row) throw new AppError("not_found");
      return row;
    });
    return { id: a.id, mediaType: a.mediaType, data: await readSealed(this.store, this.ctx.keys, a) };
  }

  // ---------------------------------------------------------------- staff: state changes

  private async change(
    p: Principal,
    actor: AuditActor,
    id: string,
    action: string,
    details: Record<string, unknown>,
    fn: (tx: Db, r: ReportRow, access: ReportAccess) => Promise<void>,
    now: Date,
  ): Promise<ReportDetail> {
    return this.ctx.withAudit(actor, { action: `report.${action}`, resourceType: "report", resourceId: id, details }, async (tx) => {
      const { r, access } = await this.readable(tx, p, id, true);
      await fn(tx, r, access);
      const fresh = (await findReport(tx, p.tenant, id))!;
      return this.present(tx, p, fresh, await this.access(tx, fresh), now);
    });
  }

  private setStatus(tx: Db, r: ReportRow, patch: Partial<typeof publicReports.$inferInsert>, now: Date) {
    return tx
      .update(publicReports)
      .set({ ...patch, updatedAt: now })
      .where(eq(publicReports.id, r.id));
  }

  private need(ok: boolean): void {
    if (!ok) throw new AppError("invalid_transition");
  }

  verify(p: Principal, actor: AuditActor, id: string, body: { publicNote?: string; internalNote?: string }, now = new Date()) {
    return this.change(p, actor, id, "verify", {}, async (tx, r, access) => {
      reportPolicy.authorize(p, "triage", access);
      this.need(r.status === "received");
      await this.setStatus(tx, r, { status: "verified", verifiedAt: now }, now);
      await insertEvent(tx, { tenant: r.tenant, reportId: r.id, kind: "verified", status: "verified", actorUserId: p.id, at: now, ...body });
    }, now);
  }

  reject(p: Principal, actor: AuditActor, id: string, body: { reason: string; publicNote?: string }, now = new Date()) {
    return this.change(p, actor, id, "reject", {}, async (tx, r, access) => {
      reportPolicy.authorize(p, "triage", access);
      this.need(r.status === "received" || r.status === "verified");
      await this.setStatus(tx, r, { status: "rejected", closedAt: now }, now);
      await insertEvent(tx, {
        tenant: r.tenant,
        reportId: r.id,
        kind: "rejected",
        status: "rejected",
        actorUserId: p.id,
        internalNote: body.reason,
        publicNote: body.publicNote,
        at: now,
      });
    }, now);
  }

  forward(
    p: Principal,
    actor: AuditActor,
    id: string,
    body: { agencyIds: string[]; instruction: string; shareContact: boolean; publicNote?: string },
    now = new Date(),
  ) {
    const agencyIds = [...new Set(body.agencyIds)];
    return this.change(p, actor, id, "forward", { agencyIds, shareContact: body.shareContact }, async (tx, r, access) => {
      reportPolicy.authorize(p, "triage", access);
      this.need(r.status === "verified" || r.status === "forwarded" || r.status === "in_handling");
      const known = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.tenant, p.tenant), inArray(agencies.id, agencyIds), eq(agencies.active, true)));
      const knownIds = new Set(known.map((a) => a.id));
      const bad: Record<string, FieldIssue> = {};
      body.agencyIds.forEach((a, i) => {
        if (!knownIds.has(a)) bad[`agencyIds.${i}`] ??= { code: "agency_unknown" };
      });
      if (Object.keys(bad).length) throw invalid(bad);
      const due = this.deadlines.responseDue(now);
      for (const agencyId of agencyIds) {
        // Forwarding again to the same agency (after a reopen, or with a new instruction) restarts its clock.
        await tx
          .insert(reportForwards)
          .values({ tenant: r.tenant, reportId: r.id, agencyId, instruction: body.instruction, shareContact: body.shareContact, forwardedAt: now, forwardedBy: p.id, responseDueAt: due })
          .onConflictDoUpdate({
            target: [reportForwards.reportId, reportForwards.agencyId],
            set: { instruction: body.instruction, shareContact: body.shareContact, forwardedAt: now, forwardedBy: p.id, responseDueAt: due, firstResponseAt: null, escalatedAt: null },
          });
        await insertEvent(tx, {
          tenant: r.tenant,
          reportId: r.id,
          kind: "forwarded",
          status: "forwarded",
          actorUserId: p.id,
          agencyId,
          internalNote: body.instruction,
          publicNote: body.publicNote,
          at: now,
        });
      }
      await this.setStatus(tx, r, { status: r.status === "in_handling" ? "in_handling" : "forwarded" }, now);
      await this.notifyOperators(tx, r, agencyIds, due, now);
    }, now);
  }

  /**
   * Tells the active operators of each agency that a report was forwarded to it, in-app and by e-mail
   * (outbox) when SMTP is configured. Title and body carry the tracking code and the deadline only:
   * no report content and no instruction travels by e-mail.
   */
  private async notifyOperators(tx: Db, r: ReportRow, agencyIds: string[], due: Date, now: Date): Promise<void> {
    const operators = await tx
      .select({ id: users.id, email: users.email, agencyName: agencies.name })
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(
        and(
          eq(users.tenant, r.tenant),
          inArray(users.agencyId, agencyIds),
          sql`'agency_operator' = ANY(${users.roles})`,
          isNull(users.disabledAt),
        ),
      );
    const code = formatTrackingCode(r.trackingCode);
    const [y, m, d] = jakartaDate(due).split("-");
    await notify(
      this.ctx,
      tx,
      operators.map((o) => ({
        tenant: r.tenant,
        userId: o.id,
        email: o.email,
        kind: "report.forwarded",
        resourceType: "report",
        resourceId: r.id,
        title: `Laporan ${code} diteruskan ke ${o.agencyName}`,
        body: `Laporan ${code} diteruskan ke ${o.agencyName}. Buka kotak masuk pengaduan di Simpul dan beri tanggapan pertama paling lambat ${d}/${m}/${y} (5 hari kerja).`,
      })),
      now,
    );
  }

  respond(p: Principal, actor: AuditActor, id: string, body: { internalNote?: string; publicNote?: string }, now = new Date()) {
    return this.change(p, actor, id, "respond", { agencyId: p.agencyId }, async (tx, r, access) => {
      reportPolicy.authorize(p, "respond", access);
      this.need(r.status === "forwarded" || r.status === "in_handling");
      await tx
        .update(reportForwards)
        .set({ firstResponseAt: now })
        .where(and(eq(reportForwards.reportId, r.id), eq(reportForwards.agencyId, p.agencyId!), isNull(reportForwards.firstResponseAt)));
      await this.setStatus(tx, r, { status: "in_handling" }, now);
      await insertEvent(tx, {
        tenant: r.tenant,
        reportId: r.id,
        kind: "agency_response",
        status: "in_handling",
        actorUserId: p.id,
        agencyId: p.agencyId,
        at: now,
        ...body,
      });
    }, now);
  }

  note(p: Principal, actor: AuditActor, id: string, body: { note: string; visibility: "internal" | "public" }, now = new Date()) {
    return this.change(p, actor, id, "note", { visibility: body.visibility }, async (tx, r, access) => {
      reportPolicy.authorize(p, "note", access);
      const asAgency = !reportPolicy.can(p, "triage", access);
      await insertEvent(tx, {
        tenant: r.tenant,
        reportId: r.id,
        kind: "note",
        actorUserId: p.id,
        agencyId: asAgency ? p.agencyId : null,
        at: now,
        ...(body.visibility === "public" ? { publicNote: body.note } : { internalNote: body.note }),
      });
      await this.setStatus(tx, r, {}, now);
    }, now);
  }

  close(
    p: Principal,
    actor: AuditActor,
    id: string,
    body: { outcome: (typeof REPORT_OUTCOMES)[number]; publicNote?: string; internalNote?: string },
    now = new Date(),
  ) {
    return this.change(p, actor, id, "close", { outcome: body.outcome }, async (tx, r, access) => {
      reportPolicy.authorize(p, "triage", access);
      this.need(r.status !== "closed" && r.status !== "rejected");
      await this.setStatus(tx, r, { status: "closed", closedAt: now, outcome: body.outcome }, now);
      await insertEvent(tx, {
        tenant: r.tenant,
        reportId: r.id,
        kind: "closed",
        status: "closed",
        actorUserId: p.id,
        publicNote: body.publicNote,
        internalNote: body.internalNote,
        details: { outcome: body.outcome },
        at: now,
      });
    }, now);
  }

  reopen(p: Principal, actor: AuditActor, id: string, body: { reason: string }, now = new Date()) {
    return this.change(p, actor, id, "reopen", {}, async (tx, r, access) => {
      reportPolicy.authorize(p, "triage", access);
      this.need(r.status === "closed" || r.status === "rejected");
      const hasForwards = access.forwards.length > 0;
      // Back to where work stopped: handling continues with the agencies, or verification starts again.
      const status: ReportStatus = r.verifiedAt ? (hasForwards ? "in_handling" : "verified") : "received";
      await this.setStatus(
        tx,
        r,
        {
          status,
          closedAt: null,
          outcome: null,
          ...(status === "received" ? { verifyDueAt: this.deadlines.verifyDue(now), verifyEscalatedAt: null } : {}),
        },
        now,
      );
      await insertEvent(tx, { tenant: r.tenant, reportId: r.id, kind: "reopened", status, actorUserId: p.id, internalNote: body.reason, at: now });
    }, now);
  }

  /**
   * Opens a case from a verified report in one step: origin "public_report", the report linked
   * (report.caseId), summary from the report unless given, place from the report. The reporter's
   * contact is not copied unless asked for, and only by someone who may see it: the report keeps it
   * under the report's own rules, while a case file travels further (team, referral recipients,
   * exports). The people named in the report stay on the report (unverified tips, not case persons).
   * One transaction: case, link, timeline event, and the audit records report.to_case and case.create.
   */
  toCase(p: Principal, actor: AuditActor, id: string, body: ToCase, now = new Date()) {
    const caseService = new CaseService(this.ctx);
    return this.change(p, actor, id, "to_case", { reporterContact: body.includeReporterContact }, async (tx, r, access) => {
      reportPolicy.authorize(p, "toCase", access);
      this.need(convertible(r));
      const fields: Record<string, FieldIssue> = {};
      const owner = await caseService.ownerFor(tx, p, body.ownerId, fields);
      if (Object.keys(fields).length) throw invalid(fields);
      let reporter: Reporter | null = null;
      if (body.includeReporterContact) {
        reportPolicy.authorize(p, "seeReporter", access);
        reporter = r.reporterEnc ? (JSON.parse(decrypt(this.ctx.keys, r.reporterEnc)) as Reporter) : null;
      }
      const caseId = await caseService.insertCase(
        tx,
        p,
        owner!,
        { origin: "public_report", priority: body.priority, summary: body.summary ?? r.description, regionCode: r.regionCode ?? undefined, reportIds: [r.id] },
        now,
      );
      const contact = reporter && (reporter.name || reporter.phone) ? reporter : null;
      if (contact)
        await caseService.insertPerson(
          tx,
          r.tenant,
          caseId,
          {
            kind: "family",
            ...(contact.name ? { name: contact.name } : {}),
            ...(contact.phone ? { phones: [contact.phone] } : {}),
            relationship: `Pelapor${contact.relation ? `: ${contact.relation}` : ""}`.slice(0, 60),
          },
          now,
        );
      await this.ctx.audit.write(tx, actor, {
        action: "case.create",
        resourceType: "case",
        resourceId: caseId,
        details: { origin: "public_report", reports: 1, reportId: r.id, reporterContact: !!contact },
      });
      await insertEvent(tx, { tenant: r.tenant, reportId: r.id, kind: "case_created", actorUserId: p.id, details: { caseId }, at: now });
    }, now);
  }

  /** For the cases module: link a report to the case it became. */
  async linkCase(tx: Db, reportId: string, caseId: string): Promise<void> {
    await tx.update(publicReports).set({ caseId }).where(eq(publicReports.id, reportId));
  }
}

/** A report may become a case once verified, while open, and only once. */
function convertible(r: ReportRow): boolean {
  return (r.status === "verified" || r.status === "forwarded" || r.status === "in_handling") && !r.caseId;
}

function summaryOf(row: Awaited<ReturnType<typeof listReports>>["rows"][number]): ReportSummary {
  return {
    id: row.r.id,
    trackingCode: formatTrackingCode(row.r.trackingCode),
    category: row.r.category,
    status: row.r.status,
    excerpt: excerpt(row.r.description),
    regionCode: row.r.regionCode,
    kecamatanCode: row.r.kecamatanCode,
    placeText: row.r.placeText,
    receivedAt: iso(row.r.receivedAt)!,
    verifyDueAt: iso(row.r.verifyDueAt)!,
    overdue: row.overdue === true || (row.overdue as unknown) === "t",
    nextDueAt: iso(row.nextDueAt),
    linkedReports: Number(row.linked),
    attachments: Number(row.attachments),
  };
}

