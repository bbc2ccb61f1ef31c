// Documents of a case (scans, letters, photos). The report attachments' rules apply: type sniffed from
// the bytes (images or PDF), 5 MB each, 5 per case, image metadata stripped, the file fsynced before its
// row commits. The original file name is personal data and sealed like other narrative fields. Only the
// team and whole-case referral recipients see documents; one-service referrals and coordinators
// (aggregate) get 404 like outsiders. Every list, download, upload and delete is audited.
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import type { Db } from "../../db/client";
import { AppError, invalid, notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { AttachmentStore, MAX_ATTACHMENTS } from "../reports/attachments";
import { cleanUpload, contentAddressOf } from "../reports/uploads";
import { casePolicy } from "./cases.policy";
import { accessTo, findCase, userRefs } from "./cases.repo";
import type { CaseDocumentView } from "./cases.schema";
import type { CaseService } from "./cases.service";
import { caseDocuments } from "./cases.tables";
import { openText, sealText } from "./persons";

type DocumentRow = typeof caseDocuments.$inferSelect;
type Action = "list" | "read" | "upload" | "delete";

/** A file name as the user's device named it, without folders or control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim() || "dokumen";
}

export class CaseDocuments {
  readonly store: AttachmentStore;
  constructor(private readonly cases: CaseService) {
    this.store = new AttachmentStore(cases.ctx.config.dataDir, "case-documents");
  }
  private get ctx() {
    return this.cases.ctx;
  }

  /** Runs `fn` inside the audited case transaction, for callers who may see documents (else 404). */
  private inDocuments<T>(p: Principal, actor: AuditActor, caseId: string, action: Action, fn: (tx: Db) => Promise<T>, details: (r: T) => Record<string, unknown>) {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      `case.document_${action}`,
      "read",
      async (tx, c, a) => {
        if (!casePolicy.can(p, "documents", a)) throw notFound();
        if ((action === "upload" || action === "delete") && c.status === "closed") throw new AppError("invalid_transition");
        return fn(tx);
      },
      details,
    );
  }

  private async present(db: Db, rows: DocumentRow[]): Promise<CaseDocumentView[]> {
    const people = await userRefs(
      db,
      rows.map((r) => r.uploadedBy),
    );
    return rows.map((r) => ({
      id: r.id,
      name: openText(this.ctx.keys, r.fileNameEnc) ?? "",
      mediaType: r.mediaType,
      size: r.size,
      uploadedBy: { id: r.uploadedBy, displayName: people.get(r.uploadedBy)?.displayName ?? "?" },
      createdAt: r.createdAt.toISOString(),
    }));
  }

  private static live(caseId: string) {
    return and(eq(caseDocuments.caseId, caseId), isNull(caseDocuments.deletedAt));
  }

  private static async liveCount(db: Db, caseId: string): Promise<number> {
    const [r] = await db.select({ n: count() }).from(caseDocuments).where(CaseDocuments.live(caseId));
    return Number(r?.n ?? 0);
  }

  private static async existing(db: Db, caseId: string, sha256: string): Promise<DocumentRow | undefined> {
    const [row] = await db
      .select()
      .from(caseDocuments)
      .where(and(CaseDocuments.live(caseId), eq(caseDocuments.sha256, sha256)));
    return row;
  }

  list(p: Principal, actor: AuditActor, caseId: string): Promise<CaseDocumentView[]> {
    return this.inDocuments(
      p,
      actor,
      caseId,
      "list",
      async (tx) => this.present(tx, await tx.select().from(caseDocuments).where(CaseDocuments.live(caseId)).orderBy(asc(caseDocuments.createdAt), asc(caseDocuments.id))),
      (r) => ({ documentIds: r.map((d) => d.id) }),
    );
  }

  /**
   * Adds a document. The case audience is checked by the route hook before the body is read and again
   * here, in the transaction that holds the case row locked (which also serialises the count). The same
   * bytes sent again return the stored document (`created: false`).
   */
  async upload(p: Principal, actor: AuditActor, caseId: string, body: unknown, name: string): Promise<{ created: boolean; document: CaseDocumentView }> {
    const c = await findCase(this.ctx.db, p.tenant, caseId);
    const a = c ? await accessTo(this.ctx.db, p, c) : null;
    if (!c || !a || !casePolicy.can(p, "documents", a)) throw notFound(); // before the body is looked at
    if (c.status === "closed") throw new AppError("invalid_transition");
    const cleaned = cleanUpload(body, () => invalid({ file: { code: "file_type" } }));
    const tooMany = () => invalid({ file: { code: "too_many_files", params: { max: MAX_ATTACHMENTS } } });
    // A full case refuses before anything is written, except a re-sent document it already holds.
    if ((await CaseDocuments.liveCount(this.ctx.db, caseId)) >= MAX_ATTACHMENTS && !(await CaseDocuments.existing(this.ctx.db, caseId, contentAddressOf(cleaned.data)))) throw tooMany();
    const sha256 = await this.store.put(cleaned.data);
    return this.inDocuments(
      p,
      actor,
      caseId,
      "upload",
      async (tx) => {
        const same = await CaseDocuments.existing(tx, caseId, sha256);
        if (same) return { created: false, document: (await this.present(tx, [same]))[0]! };
        if ((await CaseDocuments.liveCount(tx, caseId)) >= MAX_ATTACHMENTS) throw tooMany();
        const [row] = await tx
          .insert(caseDocuments)
          .values({
            tenant: p.tenant,
            caseId,
            fileNameEnc: sealText(this.ctx.keys, cleanFileName(name))!,
            sha256,
            mediaType: cleaned.mediaType,
            size: cleaned.data.length,
            stripped: cleaned.stripped,
            uploadedBy: p.id,
          })
          .returning();
        return { created: true, document: (await this.present(tx, [row!]))[0]! };
      },
      (r) => ({ documentId: r.document.id, mediaType: r.document.mediaType, duplicate: !r.created }),
    );
  }

  /** One document's file and name; audited. */
  async read(p: Principal, actor: AuditActor, caseId: string, documentId: string): Promise<{ name: string; mediaType: string; data: Buffer }> {
    const row = await this.inDocuments(p, actor, caseId, "read", (tx) => this.document(tx, caseId, documentId), () => ({ documentId }));
    return { name: openText(this.ctx.keys, row.fileNameEnc) ?? "dokumen", mediaType: row.mediaType, data: await this.store.read(row.sha256) };
  }

  /** Hides a document from the case (soft delete, audited); the file stays as a record of what the case held. */
  async remove(p: Principal, actor: AuditActor, caseId: string, documentId: string, now = new Date()): Promise<void> {
    await this.inDocuments(
      p,
      actor,
      caseId,
      "delete",
      async (tx) => {
        await this.document(tx, caseId, documentId);
        await tx.update(caseDocuments).set({ deletedAt: now, deletedBy: p.id }).where(eq(caseDocuments.id, documentId));
      },
      () => ({ documentId }),
    );
  }

  private async document(db: Db, caseId: string, documentId: string): Promise<DocumentRow> {
    const [row] = await db
      .select()
      .from(caseDocuments)
      .where(and(eq(caseDocuments.id, documentId), CaseDocuments.live(caseId)));
    if (!row) throw notFound();
    return row;
  }
}
