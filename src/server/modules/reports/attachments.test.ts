import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { rowsOf } from "../../db/client";
import { AttachmentStore, cleanAttachment, sniff, stripJpeg, stripPng, stripWebp } from "./attachments";
import { cleanupOrphanFiles, cleanupUploads, ORPHAN_FILE_GRACE_MS } from "./reports.jobs";
import { publicReports, reportAttachments } from "./reports.tables";
import { jpegWithExif, pngWithText, webpWithExif } from "./attachments.fixtures";

describe("metadata stripping", () => {
  it("removes EXIF, XMP and comments from a JPEG and keeps the image segments", () => {
    const src = jpegWithExif();
    const { data, stripped } = stripJpeg(src);
    expect(stripped.sort()).toEqual(["comment", "exif", "xmp"]);
    expect(data.toString("latin1")).not.toContain("GPS");
    expect(data.toString("latin1")).not.toContain("Camera owner");
    expect(data.toString("latin1")).toContain("JFIF");
    expect(data.subarray(-9)).toEqual(Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9]));
    expect(stripJpeg(data).stripped).toEqual([]); // idempotent
  });

  it("removes text and EXIF chunks from a PNG", () => {
    const { data, stripped } = stripPng(pngWithText());
    expect(stripped.sort()).toEqual(["eXIf", "tEXt"]);
    expect(data.toString("latin1")).not.toContain("Ibu Sari");
    expect(data.toString("latin1")).toContain("IDAT");
  });

  it("removes EXIF and XMP chunks from a WebP and clears their flags", () => {
    const { data, stripped } = stripWebp(webpWithExif());
    expect(stripped.sort()).toEqual(["EXIF", "XMP"]);
    expect(data.toString("latin1")).not.toContain("GPS");
    expect(data.readUInt32LE(4)).toBe(data.length - 8);
    expect(data[20]! & 0x0c).toBe(0);
    expect(sniff(data)).toBe("image/webp");
  });

  it("sniffs the real type and refuses everything else", () => {
    expect(sniff(Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(() => cleanAttachment(Buffer.from("<html>not an image</html>"))).toThrow();
    expect(() => cleanAttachment(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toThrow(); // truncated JPEG
  });
});

describe("attachment upload", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ publicRateLimit: false });
  });
  afterAll(() => env.close());
  const upload = (body: Buffer, type = "application/octet-stream") =>
    env.app.inject({ method: "POST", url: "/api/public/reports/attachments", headers: { "content-type": type }, payload: body });

  it("stores a stripped copy durably and lets staff download it from the report", async () => {
    const up = await upload(jpegWithExif(), "image/png"); // the header lies; the bytes decide
    expect(up.statusCode).toBe(201);
    const { attachmentId, mediaType, sha256 } = up.json();
    expect(mediaType).toBe("image/jpeg");
    const onDisk = fs.readFileSync(new AttachmentStore(env.ctx.config.dataDir).pathOf(sha256));
    expect(onDisk.toString("latin1")).not.toContain("GPS");

    const pdf = (await upload(Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"))).json();
    const res = await anonymous(env.app).request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "suspicious_offer",
      description: "Tangkapan layar tawaran kerja terlampir.",
      attachments: [attachmentId, pdf.attachmentId],
    });
    expect(res.statusCode).toBe(201);
    const [r] = await env.ctx.db.select({ id: publicReports.id }).from(publicReports).where(eq(publicReports.trackingCode, res.json().trackingCode.replace("-", "")));
    const coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
    const detail = (await coordinator.request("GET", `/api/reports/${r!.id}`)).json();
    expect(detail.attachmentList.map((a: any) => a.mediaType).sort()).toEqual(["application/pdf", "image/jpeg"]);
    const jpeg = detail.attachmentList.find((a: any) => a.mediaType === "image/jpeg");
    expect(jpeg.stripped.sort()).toEqual(["comment", "exif", "xmp"]);
    const file = await coordinator.request("GET", `/api/reports/${r!.id}/attachments/${jpeg.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/jpeg");
    expect(file.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(file.rawPayload.equals(onDisk)).toBe(true);

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
    expect((await upload(Buffer.from("MZ\x90\0 executable"))).statusCode).toBe(415);
    const big = Buffer.concat([jpegWithExif(), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(big)).statusCode).toBe(413);
    const six = await anonymous(env.app).request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "other",
      description: "Terlalu banyak lampiran untuk satu laporan.",
      attachments: Array.from({ length: 6 }, () => randomUUID()),
    });
    expect(six.statusCode).toBe(400);
    expect(six.json().error.fields.attachments).toBeDefined();
  });

  it("removes uploads never attached to a report after a day, with their files", async () => {
    const png = (await upload(pngWithText())).json();
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
    const claimed = (await upload(Buffer.concat([pngWithText(), Buffer.from("claimed")]))).json();
    const res = await anonymous(env.app).request("POST", "/api/public/reports", {
      submissionId: randomUUID(),
      category: "other",
      description: "Laporan dengan lampiran yang harus tetap ada.",
      attachments: [claimed.attachmentId],
    });
    expect(res.statusCode).toBe(201);
    const pending = (await upload(Buffer.concat([pngWithText(), Buffer.from("pending")]))).json();
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
    const [r] = await env.ctx.db.select({ id: publicReports.id }).from(publicReports).where(eq(publicReports.trackingCode, res.json().trackingCode.replace("-", "")));
    const file = await coordinator.request("GET", `/api/reports/${r!.id}/attachments/${claimed.attachmentId}`);
    expect(file.statusCode).toBe(200);
    // Once past the grace period the fresh orphan goes too; a second run finds nothing more.
    expect(await cleanupOrphanFiles(env.ctx, new Date(Date.now() + ORPHAN_FILE_GRACE_MS + 60_000))).toBe(1);
    expect(fs.existsSync(store.pathOf(fresh))).toBe(false);
    expect(fs.existsSync(store.pathOf(pending.sha256))).toBe(true);
  });
});
