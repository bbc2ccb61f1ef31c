import fs from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestEnv } from "../../../../test/helpers/app";
import { rowsOf } from "../../db/client";
import { auditLog } from "../../db/schema";
import { encryptedColumns } from "../../lib/key-rotation";
import { AttachmentStore, cleanAttachment } from "../../lib/uploads/attachments";
import { contentAddressOf } from "../../lib/uploads/uploads";
import { ORPHAN_FILE_GRACE_MS, sweepOrphanFiles } from "../../lib/uploads/orphan-files";
import { CASE_DOCUMENT_FILES } from "./cases.jobs";
import { distinctJpeg, exe, hostile, jpegWithExif, SECRET_METADATA, tinyPdf } from "../../lib/uploads/attachments.fixtures";
import { openCase, type Staff, staffEnv } from "./cases.fixtures";
import { encryptLegacyDocuments } from "./cases.documents";
import { caseDocuments } from "./cases.tables";
import { sealText } from "./cases.persons";

const FILE_NAME = "KTP Siti Nurhalimah.jpg";

let env: TestEnv;
let s: Staff;
let caseId: string;
let store: AttachmentStore;

const docsUrl = (id = caseId) => `/api/cases/${id}/documents`;
const upload = (who: Client, body: Buffer, name = FILE_NAME, type = "application/octet-stream") =>
  who.request("POST", `${docsUrl()}?name=${encodeURIComponent(name)}`, body, { "content-type": type });
const liveDocs = () =>
  env.ctx.db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), sql`${caseDocuments.deletedAt} IS NULL`));

async function refer(scope: "case" | "service", agencyId: string, assignee: Client, assigneeId: string) {
  await s.owner.http.request("POST", `/api/cases/${caseId}/consents`, {
    purpose: "share_with_agency",
    agencyId,
    given: true,
    method: "written",
  });
  let serviceId: string | undefined;
  if (scope === "service") {
    serviceId = (
      await s.owner.http.request("POST", `/api/cases/${caseId}/services`, {
        type: "health",
        providerAgencyId: agencyId,
        dueDate: "2030-01-01",
      })
    ).json().id;
  }
  const sent = await s.owner.http.request("POST", `/api/cases/${caseId}/referrals`, {
    scope,
    serviceId,
    toAgencyId: agencyId,
    assignedUserId: assigneeId,
    reason: "AdditionalServicesRequired",
  });
  expect(sent.statusCode, sent.body).toBe(201);
  expect((await assignee.request("POST", `/api/referrals/${sent.json().id}/accept`, {})).statusCode).toBe(200);
}

beforeAll(async () => {
  ({ env, s } = await staffEnv());
  store = new AttachmentStore(env.ctx.config.dataDir, "case-documents");
  caseId = (await openCase(s.owner)).id;
  await s.owner.http.request("POST", `/api/cases/${caseId}/members`, { userId: s.member.user.id });
  await refer("case", s.polres.id, s.investigator.http, s.investigator.user.id); // whole case
  await refer("service", s.dinkes.id, s.dinkesWorker.http, s.dinkesWorker.user.id); // one service
});
afterAll(() => env.close());

describe("case documents", () => {
  it("stores a document with its name sealed and image metadata stripped; team and whole-case referral list and download it, audited", async () => {
    const up = await upload(s.owner.http, jpegWithExif());
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json();
    expect(doc).toMatchObject({ name: FILE_NAME, mediaType: "image/jpeg", uploadedBy: { id: s.owner.user.id } });

    // The database holds no file name in plain text; the disk holds no GPS.
    const [row] = await env.ctx.db.select().from(caseDocuments).where(eq(caseDocuments.id, doc.id));
    expect(row!.fileNameEnc).not.toContain("Siti");
    const dump = rowsOf<{ t: string }>(await env.ctx.db.execute(sql`SELECT row_to_json(d)::text AS t FROM case_documents d`));
    expect(dump.map((r) => r.t).join("")).not.toContain("Nurhalimah");
    expect(await encryptedColumns(env.ctx.db)).toContainEqual({ table: "case_documents", column: "file_name_enc" }); // re-encrypted by `simpul keys rotate`
    // The disk holds only ciphertext: neither the image bytes nor a name derived from them.
    const plain = (await cleanAttachment(jpegWithExif())).data;
    const onDisk = fs.readFileSync(store.pathOf(row!.sha256));
    expect(onDisk.includes(SECRET_METADATA)).toBe(false);
    expect(onDisk.includes(plain.subarray(0, 16))).toBe(false);
    expect(onDisk.includes(plain.subarray(plain.length - 32))).toBe(false);
    expect(row!.sha256).toBe(contentAddressOf(onDisk));
    expect(row!.sha256).not.toBe(contentAddressOf(plain));
    expect(fs.existsSync(store.pathOf(contentAddressOf(plain)))).toBe(false);
    expect(row!.fileKeyEnc).toMatch(/^v1\./);
    expect(await encryptedColumns(env.ctx.db)).toContainEqual({ table: "case_documents", column: "file_key_enc" });

    for (const who of [s.owner, s.member, s.investigator]) {
      const list = await who.http.request("GET", docsUrl());
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([doc]);
      const file = await who.http.request("GET", `${docsUrl()}/${doc.id}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers["content-type"]).toBe("image/jpeg");
      expect(file.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`);
      expect(file.headers["content-disposition"]).toBe(
        `attachment; filename="KTP_Siti_Nurhalimah.jpg"; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
      );
      expect(file.headers["x-content-type-options"]).toBe("nosniff");
      expect(file.headers["content-security-policy"]).toBe("default-src 'none'; sandbox");
      expect(file.rawPayload.equals(plain)).toBe(true);
      expect(file.rawPayload.includes(SECRET_METADATA)).toBe(false);
    }
    const audit = await env.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceType, "case"), eq(auditLog.resourceId, caseId)));
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === "case.document_upload")).toHaveLength(1);
    expect(actions.filter((a) => a === "case.document_list")).toHaveLength(3);
    expect(actions.filter((a) => a === "case.document_read")).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain("Nurhalimah");

    // A PDF is a document too, encrypted like the images; the same bytes again are the same document.
    const pdf = await upload(s.investigator.http, tinyPdf(), "Surat rujukan.pdf");
    expect(pdf.statusCode).toBe(201);
    const [pdfRow] = await env.ctx.db.select().from(caseDocuments).where(eq(caseDocuments.id, pdf.json().id));
    expect(fs.readFileSync(store.pathOf(pdfRow!.sha256)).toString("latin1")).not.toContain("%PDF");
    expect((await s.owner.http.request("GET", `${docsUrl()}/${pdf.json().id}`)).rawPayload.equals(tinyPdf())).toBe(true);
    // The name a file downloads under ends in its real type: a PDF sent as a web page saves as a PDF.
    const disguised = await upload(s.investigator.http, tinyPdf(), "surat.html");
    expect(disguised.statusCode).toBe(200); // the same bytes: the same document
    const renamedCopy = await upload(s.investigator.http, Buffer.concat([tinyPdf(), Buffer.from("\n")]), "surat.html");
    expect(renamedCopy.statusCode).toBe(201);
    const saved = await s.owner.http.request("GET", `${docsUrl()}/${renamedCopy.json().id}`);
    expect(saved.headers["content-disposition"]).toBe(`attachment; filename="surat.pdf"; filename*=UTF-8''surat.pdf`);
    expect(saved.headers["content-type"]).toBe("application/pdf");
    expect((await s.owner.http.request("DELETE", `${docsUrl()}/${renamedCopy.json().id}`)).statusCode).toBe(204);
    const again = await upload(s.member.http, jpegWithExif(), "lagi.jpg");
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(doc.id);
  });

  it("keeps the encrypted files of the case through the orphan-file sweep", async () => {
    const rows = await liveDocs();
    const far = new Date(Date.now() + ORPHAN_FILE_GRACE_MS + 60_000);
    await sweepOrphanFiles(env.ctx.db, env.ctx.config.dataDir, CASE_DOCUMENT_FILES, far);
    for (const r of rows) expect(fs.existsSync(store.pathOf(r.sha256)), r.id).toBe(true);
    const jpeg = rows.find((r) => r.mediaType === "image/jpeg")!;
    const file = await s.owner.http.request("GET", `${docsUrl()}/${jpeg.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals((await cleanAttachment(jpegWithExif())).data)).toBe(true);
  });

  it("serves a document stored before encryption at rest (no data key), finds it again when re-sent, and the job encrypts it", async () => {
    const other = (await openCase(s.owner)).id;
    const original = distinctJpeg(90);
    const plain = (await cleanAttachment(original)).data; // as an upload stored it: re-encoded
    const sha256 = await store.put(plain); // the old layout: plain bytes named by their hash
    const [row] = await env.ctx.db
      .insert(caseDocuments)
      .values({
        tenant: env.ctx.config.regency,
        caseId: other,
        fileNameEnc: sealText(env.ctx.keys, "lama.jpg")!,
        sha256,
        mediaType: "image/jpeg",
        size: plain.length,
        uploadedBy: s.owner.user.id,
      })
      .returning();
    const file = await s.owner.http.request("GET", `${docsUrl(other)}/${row!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(plain)).toBe(true);
    const again = await s.owner.http.request("POST", `${docsUrl(other)}?name=lagi.jpg`, original, { "content-type": "image/jpeg" });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(row!.id);

    // The job writes an encrypted copy and points the row at it; the plain file is left to the orphan sweep.
    expect(await encryptLegacyDocuments(env.ctx)).toEqual({ encrypted: 1, missing: 0 });
    const [after] = await env.ctx.db.select().from(caseDocuments).where(eq(caseDocuments.id, row!.id));
    expect(after!.fileKeyEnc).toMatch(/^v1\./);
    expect(after!.sha256).not.toBe(sha256);
    expect(fs.readFileSync(store.pathOf(after!.sha256)).includes(plain.subarray(0, 16))).toBe(false);
    const [audit] = await env.ctx.db.select().from(auditLog).where(eq(auditLog.action, "case.document_encrypt"));
    expect(audit).toMatchObject({ resourceId: other, details: { documentId: row!.id } });
    await sweepOrphanFiles(env.ctx.db, env.ctx.config.dataDir, CASE_DOCUMENT_FILES, new Date(Date.now() + ORPHAN_FILE_GRACE_MS + 60_000));
    expect(fs.existsSync(store.pathOf(sha256))).toBe(false);
    expect(fs.existsSync(store.pathOf(after!.sha256))).toBe(true);
    const reread = await s.owner.http.request("GET", `${docsUrl(other)}/${row!.id}`);
    expect(reread.rawPayload.equals(plain)).toBe(true);
    expect(
      (await s.owner.http.request("POST", `${docsUrl(other)}?name=lagi.jpg`, original, { "content-type": "image/jpeg" })).json().id,
    ).toBe(row!.id);
    expect(await encryptLegacyDocuments(env.ctx)).toEqual({ encrypted: 0, missing: 0 });
  });

  it("answers 404 to one-service referrals, coordinators (aggregate), outsiders and other roles, on every document route", async () => {
    const [doc] = await liveDocs();
    for (const who of [s.dinkesWorker, s.coordinator, s.outsider, s.volunteer, s.pimpasa, s.operator, s.admin, s.auditor]) {
      expect((await who.http.request("GET", docsUrl())).statusCode).toBe(404);
      expect((await who.http.request("GET", `${docsUrl()}/${doc!.id}`)).statusCode).toBe(404);
      expect((await upload(who.http, distinctJpeg(40))).statusCode).toBe(404);
      expect((await upload(who.http, exe())).statusCode).toBe(404); // not even the validation message
      expect((await who.http.request("DELETE", `${docsUrl()}/${doc!.id}`)).statusCode).toBe(404);
    }
    expect(await liveDocs()).toHaveLength(2);
  });

  it("refuses an executable renamed .jpg, a missing name, files over 5 MB and a sixth document, storing nothing", async () => {
    const renamed = await upload(s.owner.http, exe(), "foto-korban.jpg", "image/jpeg");
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.fields.file).toMatch(/Jenis berkas tidak didukung/);
    const noName = await s.owner.http.request("POST", docsUrl(), jpegWithExif(), { "content-type": "image/jpeg" });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields.name).toBeDefined();
    expect((await upload(s.owner.http, Buffer.concat([tinyPdf(), Buffer.alloc(5 * 1024 * 1024)]))).statusCode).toBe(413);
    expect(await liveDocs()).toHaveLength(2);
    const filesBefore = fs.readdirSync(store.root, { recursive: true }).length;
    const refusals: [Buffer, RegExp][] = [
      [hostile.pngForged(), /Gambar ini rusak/],
      [hostile.pngGarbageData(), /Gambar ini rusak/],
      [hostile.webpFake(), /Gambar ini rusak/],
      [hostile.jpegTruncated(), /Gambar ini rusak/],
      [hostile.pdfOpenActionJs(), /berisi skrip/],
      [hostile.pdfHexEscapedJs(), /berisi skrip/],
      [hostile.pdfTruncated(), /terpotong atau rusak/],
    ];
    for (const [body, message] of refusals) {
      const res = await upload(s.owner.http, body, "bukti.pdf");
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.file).toMatch(message);
    }
    expect(await liveDocs()).toHaveLength(2);
    expect(fs.readdirSync(store.root, { recursive: true }).length).toBe(filesBefore);

    for (let i = 3; i <= 5; i++) expect((await upload(s.owner.http, distinctJpeg(i), `dokumen-${i}.jpg`)).statusCode).toBe(201);
    const sixth = await upload(s.owner.http, distinctJpeg(6), "dokumen-6.jpg");
    expect(sixth.statusCode).toBe(400);
    expect(sixth.json().error.fields.file).toBe("Maksimal 5 berkas.");
    expect((await upload(s.owner.http, distinctJpeg(5), "dokumen-5.jpg")).statusCode).toBe(200); // re-sent, not a sixth
    expect(await liveDocs()).toHaveLength(5);
  });

  it("deletes by hiding the document, audited; it can no longer be listed or downloaded", async () => {
    const [doc] = await liveDocs();
    expect((await s.investigator.http.request("DELETE", `${docsUrl()}/${doc!.id}`)).statusCode).toBe(204);
    expect((await s.owner.http.request("GET", `${docsUrl()}/${doc!.id}`)).statusCode).toBe(404);
    const list = (await s.owner.http.request("GET", docsUrl())).json().items;
    expect(list.map((d: { id: string }) => d.id)).not.toContain(doc!.id);
    const [row] = await env.ctx.db.select().from(caseDocuments).where(eq(caseDocuments.id, doc!.id));
    expect(row).toMatchObject({ deletedBy: s.investigator.user.id });
    const deletions = await env.ctx.db.select().from(auditLog).where(eq(auditLog.action, "case.document_delete"));
    expect(deletions.find((a) => (a.details as { documentId?: string }).documentId === doc!.id)).toMatchObject({ resourceId: caseId });
    expect((await s.owner.http.request("DELETE", `${docsUrl()}/${doc!.id}`)).statusCode).toBe(404);
    // The place is free again.
    expect((await upload(s.owner.http, distinctJpeg(7), "pengganti.jpg")).statusCode).toBe(201);
  });
});
