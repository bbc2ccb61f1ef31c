import { randomUUID } from "node:crypto";
import fs from "node:fs";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createAgency, createTestEnv, createUser, sessionFor, type TestEnv } from "../../../../test/helpers/app";
import { auditRows } from "../../../../test/helpers/audit";
import { auditLog } from "../../db/schema";
import { AttachmentStore } from "../../lib/uploads/attachments";
import { distinctJpeg, exe, hostile, jpegWithExif, pngWithText, SECRET_METADATA, tinyPdf } from "../../lib/uploads/attachments.fixtures";
import { outreachSessionPhotos } from "./outreach.tables";

const DESA_A = "36.04.12.2001";

let env: TestEnv;
let relawan: Client;
let otherRelawan: Client;
let pimpasa: Client;
let coordinator: Client;
let outsiderOperator: Client;
let store: AttachmentStore;
let sessionId: string;

const photosUrl = (id = sessionId) => `/api/outreach/sessions/${id}/photos`;
const upload = (who: Client, body: Buffer, id = sessionId, type = "image/jpeg") =>
  who.request("POST", photosUrl(id), body, { "content-type": type });

beforeAll(async () => {
  env = await createTestEnv();
  store = new AttachmentStore(env.ctx.config.dataDir, "outreach-photos");
  const desaAgency = await createAgency(env.ctx, { name: "Pemerintah Desa Pontang" });
  relawan = await sessionFor(env, await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [DESA_A], agencyId: desaAgency.id }));
  otherRelawan = await sessionFor(env, await createUser(env.ctx, { roles: ["volunteer"], jurisdiction: [DESA_A] }));
  pimpasa = await sessionFor(env, await createUser(env.ctx, { roles: ["pimpasa"], jurisdiction: ["36.04.12"] }));
  coordinator = await sessionFor(env, await createUser(env.ctx, { roles: ["coordinator"] }));
  outsiderOperator = await sessionFor(env, await createUser(env.ctx, { roles: ["agency_operator"], jurisdiction: ["36.04.01"] }));
  sessionId = randomUUID();
  const created = await relawan.request("POST", "/api/outreach/sessions", {
    id: sessionId,
    startsAt: "2025-03-14T09:00",
    desaCode: DESA_A,
    facilitators: ["Bu Siti"],
    audiences: ["general_public"],
    attendance: { female: { "18_24": 10 }, male: { "18_24": 5 } },
    topics: ["hotlines"],
  });
  expect(created.statusCode).toBe(201);
});
afterAll(() => env.close());

describe("outreach session photos", () => {
  it("stores a re-encoded photo without its GPS metadata, lists it on the session and hands it to readers as a download", async () => {
    const up = await upload(relawan, jpegWithExif(), sessionId, "application/octet-stream");
    expect(up.statusCode).toBe(201);
    const photo = up.json();
    expect(photo).toMatchObject({ id: expect.any(String), mediaType: "image/jpeg" });

    const [row] = await env.ctx.db.select().from(outreachSessionPhotos).where(eq(outreachSessionPhotos.id, photo.id));
    const onDisk = fs.readFileSync(store.pathOf(row!.sha256));
    expect(onDisk.includes(SECRET_METADATA)).toBe(false);
    const stored = await sharp(onDisk).metadata();
    expect(stored).toMatchObject({ format: "jpeg", width: 32, height: 48 }); // turned upright by its EXIF orientation
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(row!.stripped.sort()).toEqual(["exif", "icc", "xmp"]);

    const session = (await relawan.request("GET", `/api/outreach/sessions/${sessionId}`)).json();
    expect(session.photos).toEqual([photo]);

    // A PIMPASA officer of the kecamatan reads the session (and its photos) but did not organise it.
    for (const who of [relawan, pimpasa, coordinator]) {
      const file = await who.request("GET", `${photosUrl()}/${photo.id}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers["content-type"]).toBe("image/jpeg");
      // An <img> in the console ignores the disposition; opened directly, the file downloads.
      expect(file.headers["content-disposition"]).toMatch(/^attachment; filename="foto-sosialisasi-[0-9a-f]{8}\.jpg"/);
      expect(file.headers["x-content-type-options"]).toBe("nosniff");
      expect(file.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
      expect(file.rawPayload.equals(onDisk)).toBe(true);
    }
    expect(await auditRows(env.ctx, "outreach.photo_read", sessionId)).toHaveLength(3);
    const [uploaded] = await env.ctx.db.select().from(auditLog).where(eq(auditLog.action, "outreach.photo_upload"));
    expect(uploaded).toMatchObject({
      resourceType: "outreach_session",
      resourceId: sessionId,
      details: { photoId: photo.id, mediaType: "image/jpeg", duplicate: false },
    });

    // The same photo sent again (an answer lost on a weak connection) is not stored twice.
    const again = await upload(relawan, jpegWithExif());
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(photo.id);
  });

  it("refuses other files with a message on the file field and stores nothing", async () => {
    const before = await env.ctx.db.select().from(outreachSessionPhotos);
    const renamedExe = await upload(relawan, exe(), sessionId, "image/jpeg"); // "setup.exe" renamed "foto.jpg"
    expect(renamedExe.statusCode).toBe(400);
    expect(renamedExe.json().error.fields.file).toMatch(/Jenis berkas tidak didukung/);
    const english = await relawan.request("POST", photosUrl(), exe(), { "content-type": "image/jpeg", "accept-language": "en" });
    expect(english.json().error.fields.file).toMatch(/Unsupported or broken file/);
    const pdf = await upload(relawan, tinyPdf(), sessionId, "application/pdf");
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.fields.file).toMatch(/Kirim foto/);
    const big = await upload(relawan, Buffer.concat([jpegWithExif(), Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    for (const body of [hostile.pngForged(), hostile.pngGarbageData(), hostile.webpFake(), hostile.jpegTruncated()]) {
      const broken = await upload(relawan, body, sessionId, "image/png");
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.fields.file).toMatch(/Gambar ini rusak atau tidak lengkap/);
    }
    const active = await upload(relawan, hostile.pdfOpenActionJs(), sessionId, "application/pdf");
    expect(active.statusCode).toBe(400);
    expect(active.json().error.fields.file).toMatch(/Kirim foto/);
    expect(await env.ctx.db.select().from(outreachSessionPhotos)).toEqual(before);
  });

  it("keeps others out: another volunteer and staff outside the area get 404, a reader who may not edit gets 403", async () => {
    const [photo] = await env.ctx.db.select().from(outreachSessionPhotos).where(eq(outreachSessionPhotos.sessionId, sessionId));
    for (const who of [otherRelawan, outsiderOperator]) {
      expect((await upload(who, pngWithText())).statusCode).toBe(404);
      expect((await who.request("GET", `${photosUrl()}/${photo!.id}`)).statusCode).toBe(404);
      expect((await who.request("DELETE", `${photosUrl()}/${photo!.id}`)).statusCode).toBe(404);
    }
    expect((await upload(pimpasa, pngWithText())).statusCode).toBe(403);
    expect((await pimpasa.request("DELETE", `${photosUrl()}/${photo!.id}`)).statusCode).toBe(403);
    expect((await upload(relawan, pngWithText(), randomUUID())).statusCode).toBe(404);
    expect(await env.ctx.db.select().from(outreachSessionPhotos).where(eq(outreachSessionPhotos.sessionId, sessionId))).toHaveLength(1);
  });

  it("takes at most 5 photos per session, and a re-sent one is not a sixth", async () => {
    for (let i = 2; i <= 5; i++) expect((await upload(relawan, distinctJpeg(i))).statusCode).toBe(201);
    const sixth = await upload(relawan, distinctJpeg(6));
    expect(sixth.statusCode).toBe(400);
    expect(sixth.json().error.fields.file).toBe("Maksimal 5 berkas.");
    // A photo the full session already holds, sent again after a lost answer, is still the stored photo.
    expect((await upload(relawan, distinctJpeg(5))).statusCode).toBe(200);
    expect(await env.ctx.db.select().from(outreachSessionPhotos).where(eq(outreachSessionPhotos.sessionId, sessionId))).toHaveLength(5);
  });

  it("deletes a photo with its file, audited, and frees a place for another", async () => {
    const [photo] = await env.ctx.db.select().from(outreachSessionPhotos).where(eq(outreachSessionPhotos.sessionId, sessionId));
    const res = await coordinator.request("DELETE", `${photosUrl()}/${photo!.id}`);
    expect(res.statusCode).toBe(204);
    expect(fs.existsSync(store.pathOf(photo!.sha256))).toBe(false);
    expect((await relawan.request("GET", `${photosUrl()}/${photo!.id}`)).statusCode).toBe(404);
    const [audit] = await env.ctx.db.select().from(auditLog).where(eq(auditLog.action, "outreach.photo_delete"));
    expect(audit).toMatchObject({ resourceId: sessionId, details: { photoId: photo!.id } });
    expect((await upload(relawan, pngWithText(), sessionId, "image/png")).statusCode).toBe(201);
  });
});
