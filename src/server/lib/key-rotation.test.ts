import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn, type TestEnv } from "../../../test/helpers/app";
import { rowsOf } from "../db/client";
import { openCase, type Staff, staffEnv, VICTIM } from "../modules/cases/cases.fixtures";
import { reportWithJpeg } from "../modules/reports/reports.fixtures";
import { cleanAttachment } from "./uploads/attachments";
import { jpegWithExif, tinyPdf } from "./uploads/attachments.fixtures";
import { decrypt, hmacHex, loadKeyRing } from "./crypto";
import { ciphertextsByKey, reencryptAll, rotateKeyFiles } from "./key-rotation";

let env: TestEnv;
let s: Staff;
let dir: string;
beforeAll(async () => {
  ({ env, s } = await staffEnv());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "simpul-keys-"));
  fs.writeFileSync(path.join(dir, "secret.key"), env.ctx.keys.current.toString("base64"), { mode: 0o600 });
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await env.close();
});

describe("key rotation", () => {
  it("re-encrypts every identity field under a new key; search and reads keep working; the old key alone no longer opens the data", async () => {
    const c = await openCase(s.owner);
    const scan = tinyPdf();
    const doc = (
      await s.owner.http.request("POST", `/api/cases/${c.id}/documents?name=ktp.pdf`, scan, { "content-type": "application/pdf" })
    ).json();
    const [docBefore] = rowsOf<{ sha256: string; file_key_enc: string }>(
      await env.ctx.db.execute(sql`SELECT sha256, file_key_enc FROM case_documents WHERE id = ${doc.id}`),
    );
    // A public report with an (encrypted) attachment.
    const { upload } = await reportWithJpeg(env, "Tangkapan layar tawaran kerja terlampir.");
    const [attBefore] = rowsOf<{ sha256: string; file_key_enc: string; report_id: string }>(
      await env.ctx.db.execute(sql`SELECT sha256, file_key_enc, report_id FROM report_attachments WHERE id = ${upload.attachmentId}`),
    );
    const before = loadKeyRing({ dataDir: dir });
    expect(before.id).toBe(env.ctx.keys.id);
    const nikHashBefore = hmacHex(before, "case-identifier:nik", VICTIM.nik);

    const newId = rotateKeyFiles(dir, before);
    const after = loadKeyRing({ dataDir: dir });
    expect(after.id).toBe(newId);
    expect(after.id).not.toBe(before.id);
    expect([...(after.retired?.keys() ?? [])]).toEqual([before.id]);
    expect(hmacHex(after, "case-identifier:nik", VICTIM.nik)).toBe(nikHashBefore);
    for (const f of ["secret.key", "secret.keys.retired", "secret.mac.key"])
      expect(fs.statSync(path.join(dir, f)).mode & 0o777, f).toBe(0o600);

    const counts = await reencryptAll(env.ctx.db, after, { batch: 2 });
    expect(counts["case_persons.name_enc"]).toBeGreaterThanOrEqual(1);
    expect(counts["users.totp_secret_enc"]).toBeGreaterThanOrEqual(1);
    expect(counts["case_documents.file_key_enc"]).toBeGreaterThanOrEqual(1);
    expect(counts["report_attachments.file_key_enc"]).toBeGreaterThanOrEqual(1);
    expect(new Set((await ciphertextsByKey(env.ctx.db)).map((r) => r.keyId))).toEqual(new Set([after.id]));
    expect(await reencryptAll(env.ctx.db, after)).toEqual({});

    const [row] = rowsOf<{ name_enc: string }>(await env.ctx.db.execute(sql`SELECT name_enc FROM case_persons WHERE case_id = ${c.id}`));
    expect(() => decrypt(before, row!.name_enc)).toThrow();
    expect(decrypt(after, row!.name_enc)).toBe(VICTIM.name);

    // The running app with the new key ring: reads and NIK search work.
    (env.ctx as { keys: typeof after }).keys = after;
    const read = await s.owner.http.request("GET", `/api/cases/${c.id}`);
    expect(read.json().victims[0].name).toBe(VICTIM.name);
    expect((await s.owner.http.request("GET", `/api/cases?nik=${VICTIM.nik}`)).json().items.map((x: { id: string }) => x.id)).toContain(
      c.id,
    );

    // The document's data key was re-sealed under the new key; the file itself was not rewritten.
    const [docAfter] = rowsOf<{ sha256: string; file_key_enc: string }>(
      await env.ctx.db.execute(sql`SELECT sha256, file_key_enc FROM case_documents WHERE id = ${doc.id}`),
    );
    expect(docAfter!.sha256).toBe(docBefore!.sha256);
    expect(docAfter!.file_key_enc).not.toBe(docBefore!.file_key_enc);
    expect(() => decrypt(before, docAfter!.file_key_enc)).toThrow();
    const file = await s.owner.http.request("GET", `/api/cases/${c.id}/documents/${doc.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(scan)).toBe(true);

    // Likewise the report attachment: data key re-sealed, file untouched, still downloads as the stripped original.
    const [attAfter] = rowsOf<{ sha256: string; file_key_enc: string }>(
      await env.ctx.db.execute(sql`SELECT sha256, file_key_enc FROM report_attachments WHERE id = ${upload.attachmentId}`),
    );
    expect(attAfter!.sha256).toBe(attBefore!.sha256);
    expect(attAfter!.file_key_enc).not.toBe(attBefore!.file_key_enc);
    expect(() => decrypt(before, attAfter!.file_key_enc)).toThrow();
    const coordinator = await signedIn(env, { roles: ["coordinator"] });
    const att = await coordinator.request("GET", `/api/reports/${attBefore!.report_id}/attachments/${upload.attachmentId}`);
    expect(att.statusCode).toBe(200);
    expect(att.rawPayload.equals((await cleanAttachment(jpegWithExif())).data)).toBe(true);
  });
});
