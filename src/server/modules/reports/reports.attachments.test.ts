import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { type FieldMessageCode, fieldMessage } from "../../../core/i18n/errors";
import { rowsOf } from "../../db/client";
import { auditLog } from "../../db/schema";
import { AttachmentStore, cleanAttachment } from "../../lib/uploads/attachments";
import { ORPHAN_FILE_GRACE_MS, sweepOrphanFiles } from "../../lib/uploads/orphan-files";
import { CASE_DOCUMENT_FILES } from "../cases/cases.jobs";
import { OUTREACH_PHOTO_FILES } from "../outreach/outreach.jobs";
import { ATTACHMENT_FILES, cleanupUploads, encryptLegacyAttachments } from "./reports.jobs";
import { contentAddressOf, readSealed } from "../../lib/uploads/uploads";
import { reportWithJpeg, uploadAttachment } from "./reports.fixtures";
import { publicReports, reportAttachments } from "./reports.tables";
import { distinctJpeg, hostile, jpegWithExif, pdf as buildPdf, pngWithText, SECRET_METADATA } from "../../lib/uploads/attachments.fixtures";

/** The three orphan-file jobs (reports, outreach, cases), as the scheduler runs them. */
async function cleanupOrphanFiles(ctx: TestEnv["ctx"], now: Date): Promise<number> {
  let removed = 0;
  for (const kind of [ATTACHMENT_FILES, OUTREACH_PHOTO_FILES, CASE_DOCUMENT_FILES])
    removed += await sweepOrphanFiles(ctx.db, ctx.config.dataDir, kind, now);
  return removed;
}

describe("attachment upload", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ publicRateLimit: false });
  });
  afterAll(() => env.close());

  it("stores a stripped copy durably and encrypted, and lets staff download the stripped original from the report", async () => {
    const up = await uploadAttachment(env, jpegWithExif(), { "content-type": "image/png" }); // the header lies; the bytes decide
    expect(up.statusCode).toBe(201);
    const { attachmentId, mediaType, sha256 } = up.json();
    expect(mediaType).toBe("image/jpeg");
    const stripped = (await cleanAttachment(jpegWithExif())).data;
    const onDisk = fs.readFileSync(new AttachmentStore(env.ctx.config.dataDir).pathOf(sha256));
    expect(onDisk.includes(stripped.subarray(0, 40))).toBe(false); // the photo's tables are not on disk: the file is encrypted
    expect(onDisk.includes(SECRET_METADATA)).toBe(false);
    expect(sha256).toBe(contentAddressOf(onDisk)); // named by the ciphertext, not by the plain bytes
    expect(sha256).not.toBe(contentAddressOf(stripped));
    const [row] = await env.ctx.db.select().from(reportAttachments).where(eq(reportAttachments.id, attachmentId));
    expect(row!.fileKeyEnc).toMatch(/^v1\./);

    const pdfText = "Lowongan kerja Malaysia gaji 12 juta";
    const content = `BT (${pdfText}) Tj ET`;
    const pdfPlain = buildPdf({ objects: [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`] });
    const pdf = (await uploadAttachment(env, pdfPlain)).json();
    expect(fs.readFileSync(new AttachmentStore(env.ctx.config.dataDir).pathOf(pdf.sha256)).toString("latin1")).not.toContain(pdfText);
    const res = await anonymous(env.app).request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "suspicious_offer",
      description: "Tangkapan layar tawaran kerja terlampir.",
      attachments: [attachmentId, pdf.attachmentId],
    });
    expect(res.statusCode).toBe(201);
    const [r] = await env.ctx.db
      .select({ id: publicReports.id })
      .from(publicReports)
      .where(eq(publicReports.trackingCode, res.json().trackingCode.replace("-", "")));
    const coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
    const detail = (await coordinator.request("GET", `/api/reports/${r!.id}`)).json();
    expect(detail.attachmentList.map((a: any) => a.mediaType).sort()).toEqual(["application/pdf", "image/jpeg"]);
    const jpeg = detail.attachmentList.find((a: any) => a.mediaType === "image/jpeg");
    expect(jpeg.stripped.sort()).toEqual(["exif", "icc", "xmp"]);
    const file = await coordinator.request("GET", `/api/reports/${r!.id}/attachments/${jpeg.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/jpeg");
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename="lampiran-${jpeg.id.slice(0, 8)}.jpg"; filename*=UTF-8''lampiran-${jpeg.id.slice(0, 8)}.jpg`,
    );
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(file.rawPayload.equals(stripped)).toBe(true);
    const pdfFile = await coordinator.request("GET", `/api/reports/${r!.id}/attachments/${pdf.attachmentId}`);
    expect(pdfFile.statusCode).toBe(200);
    expect(pdfFile.rawPayload.toString("latin1")).toContain(pdfText);
    expect(pdfFile.headers["content-type"]).toBe("application/pdf");
    expect(pdfFile.headers["content-disposition"]).toMatch(/^attachment; filename="lampiran-[0-9a-f]{8}\.pdf"/);
    expect(pdfFile.headers["x-content-type-options"]).toBe("nosniff");

    // An attachment cannot be claimed twice: the second report is refused and nothing is stored.
    const before = rowsOf<{ n: number }>(await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM public_reports`))[0]!.n;
    const again = await anonymous(env.app).request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "other",
      description: "Mencoba memakai lampiran orang lain.",
      attachments: [attachmentId],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields["attachments.0"]).toBeDefined();
    expect(rowsOf<{ n: number }>(await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM public_reports`))[0]!.n).toBe(before);
  });

  it("refuses other types (415), files over 5 MB (413) and more than 5 attachments (400)", async () => {
    expect((await uploadAttachment(env, Buffer.from("MZ\x90\0 executable"))).statusCode).toBe(415);
    const big = Buffer.concat([jpegWithExif(), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await uploadAttachment(env, big)).statusCode).toBe(413);
    const six = await anonymous(env.app).request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "other",
      description: "Terlalu banyak lampiran untuk satu laporan.",
      attachments: Array.from({ length: 6 }, () => randomUUID()),
    });
    expect(six.statusCode).toBe(400);
    expect(six.json().error.fields.attachments).toBeDefined();
  });

  it("refuses forged and broken images and active or truncated PDFs with 400 and stores nothing", async () => {
    const rows = async () => rowsOf<{ n: number }>(await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM report_attachments`))[0]!.n;
    const root = new AttachmentStore(env.ctx.config.dataDir).root;
    const files = () => (fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }).length : 0);
    const [rowsBefore, filesBefore] = [await rows(), files()];
    const expected: [Buffer, FieldMessageCode][] = [
      [hostile.pngForged(), "image_broken"],
      [hostile.pngGarbageData(), "image_broken"],
      [hostile.webpFake(), "image_broken"],
      [hostile.jpegTruncated(), "image_broken"],
      [hostile.pdfOpenActionJs(), "pdf_active_content"],
      [hostile.pdfHexEscapedJs(), "pdf_active_content"],
      [hostile.pdfTruncated(), "pdf_broken"],
    ];
    for (const [body, code] of expected) {
      const res = await uploadAttachment(env, body);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.fields.file).toBe(fieldMessage(code, "id"));
    }
    const english = await env.app.inject({
      method: "POST",
      url: "/api/public/reports/attachments",
      headers: { "content-type": "application/pdf", "accept-language": "en" },
      payload: hostile.pdfOpenActionJs(),
    });
    expect(english.json().error.fields.file).toMatch(/scripts/);
    expect(await rows()).toBe(rowsBefore);
    expect(files()).toBe(filesBefore);
  });

  it("keeps only the decoded picture of a polyglot (no HTML comment, no tail after the image)", async () => {
    const up = await uploadAttachment(env, hostile.polyglot());
    expect(up.statusCode).toBe(201);
    const [row] = await env.ctx.db.select().from(reportAttachments).where(eq(reportAttachments.id, up.json().attachmentId));
    const stored = await readSealed(new AttachmentStore(env.ctx.config.dataDir), env.ctx.keys, row!);
    expect(stored.includes("<script>")).toBe(false);
    expect(stored.includes("PK\x03\x04")).toBe(false);
    expect(stored.includes(SECRET_METADATA)).toBe(false);
    expect(stored.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9])); // ends where a JPEG ends
  });

  it("removes uploads never attached to a report after a day, with their files", async () => {
    const png = (await uploadAttachment(env, pngWithText())).json();
    const store = new AttachmentStore(env.ctx.config.dataDir);
    expect(fs.existsSync(store.pathOf(png.sha256))).toBe(true);
    expect(await cleanupUploads(env.ctx, new Date())).toBe(0);
    // A day later (the file's mtime is older than the cutoff only when we move the clock and the file).
    const later = new Date(Date.now() + 25 * 3_600_000);
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(store.pathOf(png.sha256), old, old);
    await env.ctx.db.update(reportAttachments).set({ createdAt: old }).where(eq(reportAttachments.id, png.attachmentId));
    expect(await cleanupUploads(env.ctx, later)).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(store.pathOf(png.sha256))).toBe(false);
  });

  it("removes files no committed row references once past the grace period, and nothing else", async () => {
    const store = new AttachmentStore(env.ctx.config.dataDir);
    const aged = new Date(Date.now() - ORPHAN_FILE_GRACE_MS - 3_600_000);
    const age = (file: string) => fs.utimesSync(file, aged, aged);
    // Referenced: one claimed by a report, one uploaded and not yet claimed. Both old.
    const claimed = (await uploadAttachment(env, Buffer.concat([pngWithText(), Buffer.from("claimed")]))).json();
    const res = await anonymous(env.app).request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "other",
      description: "Laporan dengan lampiran yang harus tetap ada.",
      attachments: [claimed.attachmentId],
    });
    expect(res.statusCode).toBe(201);
    const pending = (await uploadAttachment(env, Buffer.concat([pngWithText(), Buffer.from("pending")]))).json();
    age(store.pathOf(claimed.sha256));
    age(store.pathOf(pending.sha256));
    // Orphans: written as put() does, but the process died before the row committed.
    const orphan = await store.put(Buffer.from("orphan written before a crash"));
    age(store.pathOf(orphan));
    const fresh = await store.put(Buffer.from("orphan still inside the grace period"));
    const tmp = `${store.root}/tmp/${"a".repeat(64)}.0123456789ab`;
    fs.writeFileSync(tmp, "half-written");
    age(tmp);
    const stranger = `${store.root}/README.txt`;
    fs.writeFileSync(stranger, "not an attachment");
    age(stranger);

    // The photo and case-document stores are swept against their own tables: content that a report
    // references is still an orphan in the photo store, and removing it there keeps the report's copy.
    const photos = new AttachmentStore(env.ctx.config.dataDir, "outreach-photos");
    const docs = new AttachmentStore(env.ctx.config.dataDir, "case-documents");
    const photoCopy = await photos.put(fs.readFileSync(store.pathOf(claimed.sha256)));
    age(photos.pathOf(photoCopy));
    const orphanDoc = await docs.put(Buffer.from("case document written before a crash"));
    age(docs.pathOf(orphanDoc));

    expect(await cleanupOrphanFiles(env.ctx, new Date())).toBe(4);
    expect(fs.existsSync(photos.pathOf(photoCopy))).toBe(false);
    expect(fs.existsSync(docs.pathOf(orphanDoc))).toBe(false);
    expect(fs.existsSync(store.pathOf(orphan))).toBe(false);
    expect(fs.existsSync(tmp)).toBe(false);
    expect(fs.existsSync(store.pathOf(claimed.sha256))).toBe(true);
    expect(fs.existsSync(store.pathOf(pending.sha256))).toBe(true);
    expect(fs.existsSync(store.pathOf(fresh))).toBe(true);
    expect(fs.existsSync(stranger)).toBe(true);
    // The claimed file still downloads.
    const coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
    const [r] = await env.ctx.db
      .select({ id: publicReports.id })
      .from(publicReports)
      .where(eq(publicReports.trackingCode, res.json().trackingCode.replace("-", "")));
    const file = await coordinator.request("GET", `/api/reports/${r!.id}/attachments/${claimed.attachmentId}`);
    expect(file.statusCode).toBe(200);
    // Once past the grace period the fresh orphan goes too; a second run finds nothing more.
    expect(await cleanupOrphanFiles(env.ctx, new Date(Date.now() + ORPHAN_FILE_GRACE_MS + 60_000))).toBe(1);
    expect(fs.existsSync(store.pathOf(fresh))).toBe(false);
    expect(fs.existsSync(store.pathOf(pending.sha256))).toBe(true);
  });
});

describe("attachments stored before encryption at rest", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ publicRateLimit: false });
  });
  afterAll(() => env.close());

  it("keep downloading, are encrypted by the job, and unclaimed ones are still removed by the upload cleanup", async () => {
    const store = new AttachmentStore(env.ctx.config.dataDir);
    const { report } = await reportWithJpeg(env, "Laporan lama dengan lampiran yang belum dienkripsi.");
    // The old layout: plain stripped bytes named by their hash, no data key.
    const plain = distinctJpeg(91);
    const plainSha = await store.put(plain);
    const legacy = { tenant: env.ctx.config.regency, sha256: plainSha, mediaType: "image/jpeg", size: plain.length };
    const [claimed] = await env.ctx.db
      .insert(reportAttachments)
      .values({ ...legacy, reportId: report.id })
      .returning();
    const unclaimedPlain = distinctJpeg(92);
    const [unclaimed] = await env.ctx.db
      .insert(reportAttachments)
      .values({ ...legacy, sha256: await store.put(unclaimedPlain), size: unclaimedPlain.length })
      .returning();

    const coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
    const url = `/api/reports/${report.id}/attachments/${claimed!.id}`;
    const before = await coordinator.request("GET", url);
    expect(before.statusCode).toBe(200);
    expect(before.rawPayload.equals(plain)).toBe(true);

    expect(await encryptLegacyAttachments(env.ctx)).toEqual({ encrypted: 2, missing: 0 });
    const [after] = await env.ctx.db.select().from(reportAttachments).where(eq(reportAttachments.id, claimed!.id));
    expect(after!.fileKeyEnc).toMatch(/^v1\./);
    expect(after!.sha256).not.toBe(plainSha);
    expect(fs.readFileSync(store.pathOf(after!.sha256)).includes(plain.subarray(0, 16))).toBe(false);
    const audits = await env.ctx.db.select().from(auditLog).where(eq(auditLog.action, "report.attachment.encrypt"));
    expect(audits.map((a) => a.resourceId).sort()).toEqual([claimed!.id, unclaimed!.id].sort());
    const reread = await coordinator.request("GET", url);
    expect(reread.statusCode).toBe(200);
    expect(reread.rawPayload.equals(plain)).toBe(true);
    expect(await encryptLegacyAttachments(env.ctx)).toEqual({ encrypted: 0, missing: 0 });

    // The plain file is referenced by no row any more: the orphan sweep removes it, the encrypted copy stays.
    await cleanupOrphanFiles(env.ctx, new Date(Date.now() + ORPHAN_FILE_GRACE_MS + 60_000));
    expect(fs.existsSync(store.pathOf(plainSha))).toBe(false);
    expect(fs.existsSync(store.pathOf(after!.sha256))).toBe(true);
    expect((await coordinator.request("GET", url)).rawPayload.equals(plain)).toBe(true);

    // The unclaimed legacy upload, now encrypted, is removed with its (encrypted) file after a day.
    const [pending] = await env.ctx.db.select().from(reportAttachments).where(eq(reportAttachments.id, unclaimed!.id));
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(store.pathOf(pending!.sha256), old, old);
    await env.ctx.db.update(reportAttachments).set({ createdAt: old }).where(eq(reportAttachments.id, unclaimed!.id));
    expect(await cleanupUploads(env.ctx, new Date(Date.now() + 25 * 3_600_000))).toBe(1);
    expect(fs.existsSync(store.pathOf(pending!.sha256))).toBe(false);
  });
});
