// Documents of a case (scans, letters, photos). The report attachments' rules apply: type sniffed from
// the bytes (images or PDF), 5 MB each, 5 per case, image metadata stripped, the file fsynced before its
// row commits. Files are encrypted at rest with envelope encryption: a random data key per document
// encrypts the bytes (AES-256-GCM), the row keeps that key sealed with the key ring (`file_key_enc`, so
// key rotation re-seals it without touching files), and the file on disk is named by the hash of its
// ciphertext, so its name confirms nothing about a known plaintext. The original file name is personal
// data and sealed like other narrative fields. Only the team and whole-case referral recipients see
// documents; one-service referrals and coordinators (aggregate) get 404 like outsiders. Every list,
// download, upload and delete is audited.
import { and, asc, count, eq, isNull, or } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import type { Db } from "../../db/client";
import type { AppContext } from "../../context";
import { hmacHex, type KeyRing } from "../../lib/crypto";
import { AppError, invalid, notFound } from "../../lib/errors";
import { type AuditActor, SYSTEM_ACTOR } from "../audit/audit.service";
import { AttachmentStore, MAX_ATTACHMENTS } from "../../lib/uploads/attachments";
import { cleanUpload, contentAddressOf, encryptLegacyFiles, readSealed, type SealedFile, writeSealed } from "../../lib/uploads/uploads";
import { casePolicy } from "./cases.policy";
import { accessTo, findCase, userRefs } from "./cases.repo";
import type { CaseDocumentView } from "./cases.schema";
import type { CaseService } from "./cases.service";
import { caseDocuments } from "./cases.tables";
import { openText, sealText } from "./cases.persons";

type DocumentRow = typeof caseDocuments.$inferSelect;
type Action = "list" | "read" | "upload" | "delete";
type Content = { plainSha256: string; mac: string };

/** A file name as the user's device named it, without folders or control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim() || "dokumen";
}

function contentOf(keys: KeyRing, caseId: string, data: Buffer): Content {
  const plainSha256 = contentAddressOf(data);
  // The case id is part of the hash: equal files in two cases do not show as equal in the database.
  return { plainSha256, mac: hmacHex(keys, "case-document:content", `${caseId}\0${plainSha256}`) };
}

/**
 * Encrypts the files of documents stored before encryption at rest, up to `batch` per run (see
 * encryptLegacyFiles), audited as `case.document_encrypt`.
 */
export async function encryptLegacyDocuments(ctx: AppContext, batch = 100): Promise<{ encrypted: number; missing: number }> {
  const rows = await ctx.db
    .select({ id: caseDocuments.id, caseId: caseDocuments.caseId, sha256: caseDocuments.sha256 })
    .from(caseDocuments)
    .where(isNull(caseDocuments.fileKeyEnc))
    .orderBy(asc(caseDocuments.id))
    .limit(batch);
  return encryptLegacyFiles(new AttachmentStore(ctx.config.dataDir, "case-documents"), ctx.keys, rows, async (r, file, plain) => {
    const done = await ctx.withAudit(
      SYSTEM_ACTOR,
      { action: "case.document_encrypt", resourceType: "case", resourceId: r.caseId, details: { documentId: r.id } },
      (tx) =>
        tx
          .update(caseDocuments)
          .set({ sha256: file.sha256, fileKeyEnc: file.fileKeyEnc, contentMac: contentOf(ctx.keys, r.caseId, plain).mac })
          .where(and(eq(caseDocuments.id, r.id), isNull(caseDocuments.fileKeyEnc), eq(caseDocuments.sha256, r.sha256)))
          .returning({ id: caseDocuments.id }),
    );
    return done.length > 0;
  });
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
  private inDocuments<T>(
    p: Principal,
    actor: AuditActor,
    caseId: string,
    action: Action,
    fn: (tx: Db) => Promise<T>,
    details: (r: T) => Record<string, unknown>,
  ) {
    return this.cases.inCase(
      p,
      actor,
      caseId,
      `case.document_${action}`,
      "read",
      async (tx, c, a) => {
        if (!casePolicy.can(p, "documents", a)) throw notFound();
        if ((action === "upload" || action === "delete") && c.status === "closed") throw new AppError("case_closed");
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

  /** The live document of the case with these plain bytes: by keyed hash, or by plain hash for a file stored before encryption. */
  private static async existing(db: Db, caseId: string, content: Content): Promise<DocumentRow | undefined> {
    const [row] = await db
      .select()
      .from(caseDocuments)
      .where(
        and(
          CaseDocuments.live(caseId),
          or(
            eq(caseDocuments.contentMac, content.mac),
            and(isNull(caseDocuments.fileKeyEnc), eq(caseDocuments.sha256, content.plainSha256)),
          ),
        ),
      );
    return row;
  }

  private content(caseId: string, data: Buffer): Content {
    return contentOf(this.ctx.keys, caseId, data);
  }

  private writeSealed(data: Buffer): Promise<SealedFile> {
    return writeSealed(this.store, this.ctx.keys, data);
  }

  list(p: Principal, actor: AuditActor, caseId: string): Promise<CaseDocumentView[]> {
    return this.inDocuments(
      p,
      actor,
      caseId,
      "list",
      async (tx) =>
        this.present(
          tx,
          await tx
            .select()
            .from(caseDocuments)
            .where(CaseDocuments.live(caseId))
            .orderBy(asc(caseDocuments.createdAt), asc(caseDocuments.id)),
        ),
      (r) => ({ documentIds: r.map((d) => d.id) }),
    );
  }

  /**
   * Adds a document. The case audience is checked by the route hook before the body is read and again
   * here, in the transaction that holds the case row locked (which also serialises the count). The same
   * bytes sent again return the stored document (`created: false`).
   */
  async upload(
    p: Principal,
    actor: AuditActor,
    caseId: string,
    body: unknown,
    name: string,
  ): Promise<{ created: boolean; document: CaseDocumentView }> {
    const c = await findCase(this.ctx.db, p.tenant, caseId);
    const a = c ? await accessTo(this.ctx.db, p, c) : null;
    if (!c || !a || !casePolicy.can(p, "documents", a)) throw notFound(); // before the body is looked at
    if (c.status === "closed") throw new AppError("case_closed");
    const cleaned = await cleanUpload(body, () => invalid({ file: { code: "file_type" } }));
    const tooMany = () => invalid({ file: { code: "too_many_files", params: { max: MAX_ATTACHMENTS } } });
    const content = this.content(caseId, cleaned.data);
    // A re-sent document is answered from the store without writing another encrypted copy; a full
    // case refuses before anything is written.
    const held = await CaseDocuments.existing(this.ctx.db, caseId, content);
    if (!held && (await CaseDocuments.liveCount(this.ctx.db, caseId)) >= MAX_ATTACHMENTS) throw tooMany();
    const written = held ? undefined : await this.writeSealed(cleaned.data);
    return this.inDocuments(
      p,
      actor,
      caseId,
      "upload",
      async (tx) => {
        const same = await CaseDocuments.existing(tx, caseId, content);
        if (same) return { created: false, document: (await this.present(tx, [same]))[0]! };
        if ((await CaseDocuments.liveCount(tx, caseId)) >= MAX_ATTACHMENTS) throw tooMany();
        // The copy held a moment ago was deleted meanwhile: write one now, still before the row commits.
        const file = written ?? (await this.writeSealed(cleaned.data));
        const [row] = await tx
          .insert(caseDocuments)
          .values({
            tenant: p.tenant,
            caseId,
            fileNameEnc: sealText(this.ctx.keys, cleanFileName(name))!,
            sha256: file.sha256,
            fileKeyEnc: file.fileKeyEnc,
            contentMac: content.mac,
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
  async read(
    p: Principal,
    actor: AuditActor,
    caseId: string,
    documentId: string,
  ): Promise<{ name: string; mediaType: string; data: Buffer }> {
    const row = await this.inDocuments(
      p,
      actor,
      caseId,
      "read",
      (tx) => this.document(tx, caseId, documentId),
      () => ({ documentId }),
    );
    return {
      name: openText(this.ctx.keys, row.fileNameEnc) ?? "dokumen",
      mediaType: row.mediaType,
      data: await readSealed(this.store, this.ctx.keys, row),
    };
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
