// Photos of an outreach session. The report attachments' rules apply (type sniffed from the bytes,
// 5 MB, 5 per session, re-encoded without metadata such as GPS, file fsynced before its row commits),
// but only images (the console shows them in an <img>). Who may read the session sees its photos; who may edit it adds and
// removes them. Photos are added online only: the offline outbox queues the session form, not files.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { AppError, invalid, notFound } from "../../lib/errors";
import type { AuditActor } from "../audit/audit.service";
import { AttachmentStore, MAX_ATTACHMENTS, sniff } from "../../lib/uploads/attachments";
import { cleanUpload, contentAddressOf } from "../../lib/uploads/uploads";
import { sessionPolicy } from "./outreach.policy";
import type { SessionPhotoView } from "./outreach.schema";
import { outreachSessionPhotos, outreachSessions } from "./outreach.tables";

type PhotoRow = typeof outreachSessionPhotos.$inferSelect;

export const presentPhoto = (r: PhotoRow): SessionPhotoView => ({
  id: r.id,
  mediaType: r.mediaType,
  size: r.size,
  uploadedBy: r.uploadedBy,
  createdAt: r.createdAt.toISOString(),
});

/** The photos of the given sessions, oldest first, grouped by session id. */
export async function photosOf(db: Db, sessionIds: string[]): Promise<Map<string, SessionPhotoView[]>> {
  const out = new Map<string, SessionPhotoView[]>();
  if (sessionIds.length === 0) return out;
  const rows = await db
    .select()
    .from(outreachSessionPhotos)
    .where(inArray(outreachSessionPhotos.sessionId, sessionIds))
    .orderBy(asc(outreachSessionPhotos.createdAt), asc(outreachSessionPhotos.id));
  for (const r of rows) out.set(r.sessionId, [...(out.get(r.sessionId) ?? []), presentPhoto(r)]);
  return out;
}

export class OutreachPhotos {
  readonly store: AttachmentStore;
  constructor(private readonly ctx: AppContext) {
    this.store = new AttachmentStore(ctx.config.dataDir, "outreach-photos");
  }

  /** The session if the caller may read it (else 404), and may edit it when `need` is "update" (else 403, like PATCH). */
  private async session(db: Db, p: Principal, id: string, need: "read" | "update", lock = false) {
    const q = db
      .select()
      .from(outreachSessions)
      .where(and(eq(outreachSessions.id, id), eq(outreachSessions.tenant, p.tenant)));
    const [row] = lock ? await q.for("update") : await q;
    if (!row || !sessionPolicy.can(p, "read", row)) throw notFound();
    if (need === "update" && !sessionPolicy.can(p, "update", row)) throw new AppError("forbidden");
    return row;
  }

  private static async countOf(db: Db, sessionId: string): Promise<number> {
    const [r] = await db.select({ n: count() }).from(outreachSessionPhotos).where(eq(outreachSessionPhotos.sessionId, sessionId));
    return Number(r?.n ?? 0);
  }

  /**
   * Adds a photo. Access is checked before the body is looked at; the file is durable before its row
   * commits. The same bytes sent again to the same session return the stored photo (`created: false`).
   */
  async upload(p: Principal, actor: AuditActor, sessionId: string, body: unknown): Promise<{ created: boolean; photo: SessionPhotoView }> {
    await this.session(this.ctx.db, p, sessionId, "update");
    // A PDF is refused as not a photo before any work is spent on it.
    if (Buffer.isBuffer(body) && sniff(body) === "application/pdf") throw invalid({ file: { code: "image_required" } });
    const cleaned = await cleanUpload(body, () => invalid({ file: { code: "file_type" } }));
    const tooMany = () => invalid({ file: { code: "too_many_files", params: { max: MAX_ATTACHMENTS } } });
    // A full session refuses before anything is written, except a re-sent photo it already holds.
    if (
      (await OutreachPhotos.countOf(this.ctx.db, sessionId)) >= MAX_ATTACHMENTS &&
      !(await this.existing(this.ctx.db, sessionId, contentAddressOf(cleaned.data)))
    )
      throw tooMany();
    const sha256 = await this.store.put(cleaned.data);
    return this.ctx.withAudit(
      actor,
      (r: { created: boolean; photo: SessionPhotoView }) => ({
        action: "outreach.photo_upload",
        resourceType: "outreach_session",
        resourceId: sessionId,
        details: { photoId: r.photo.id, mediaType: r.photo.mediaType, duplicate: !r.created },
      }),
      async (tx) => {
        await this.session(tx, p, sessionId, "update", true); // the lock serialises concurrent uploads for the count
        const same = await this.existing(tx, sessionId, sha256);
        if (same) return { created: false, photo: presentPhoto(same) };
        if ((await OutreachPhotos.countOf(tx, sessionId)) >= MAX_ATTACHMENTS) throw tooMany();
        const [row] = await tx
          .insert(outreachSessionPhotos)
          .values({
            tenant: p.tenant,
            sessionId,
            sha256,
            mediaType: cleaned.mediaType,
            size: cleaned.data.length,
            stripped: cleaned.stripped,
            uploadedBy: p.id,
          })
          .returning();
        return { created: true, photo: presentPhoto(row!) };
      },
    );
  }

  /** One photo's file for someone who may read the session; audited. */
  async read(p: Principal, actor: AuditActor, sessionId: string, photoId: string): Promise<{ row: PhotoRow; data: Buffer }> {
    const row = await this.ctx.withAudit(
      actor,
      { action: "outreach.photo_read", resourceType: "outreach_session", resourceId: sessionId, details: { photoId } },
      async (tx) => {
        await this.session(tx, p, sessionId, "read");
        return this.photo(tx, sessionId, photoId);
      },
    );
    return { row, data: await this.store.read(row.sha256) };
  }

  /**
   * Removes a photo: the row in an audited transaction, then the file unless another session holds
   * the same bytes or it was written again since the removal began.
   */
  async remove(p: Principal, actor: AuditActor, sessionId: string, photoId: string): Promise<void> {
    const began = new Date();
    const row = await this.ctx.withAudit(
      actor,
      { action: "outreach.photo_delete", resourceType: "outreach_session", resourceId: sessionId, details: { photoId } },
      async (tx) => {
        await this.session(tx, p, sessionId, "update", true);
        const photo = await this.photo(tx, sessionId, photoId);
        await tx.delete(outreachSessionPhotos).where(eq(outreachSessionPhotos.id, photoId));
        return photo;
      },
    );
    const [other] = await this.ctx.db
      .select({ id: outreachSessionPhotos.id })
      .from(outreachSessionPhotos)
      .where(eq(outreachSessionPhotos.sha256, row.sha256))
      .limit(1);
    if (!other) await this.store.remove(row.sha256, began);
  }

  private async existing(db: Db, sessionId: string, sha256: string): Promise<PhotoRow | undefined> {
    const [row] = await db
      .select()
      .from(outreachSessionPhotos)
      .where(and(eq(outreachSessionPhotos.sessionId, sessionId), eq(outreachSessionPhotos.sha256, sha256)));
    return row;
  }

  private async photo(db: Db, sessionId: string, photoId: string): Promise<PhotoRow> {
    const [row] = await db
      .select()
      .from(outreachSessionPhotos)
      .where(and(eq(outreachSessionPhotos.id, photoId), eq(outreachSessionPhotos.sessionId, sessionId)));
    if (!row) throw notFound();
    return row;
  }
}
