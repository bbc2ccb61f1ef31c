// What every feature that accepts files shares (report attachments, outreach photos, case documents):
// the raw-body parser, the sniff-and-clean step with its errors, sealing a file at rest (envelope
// encryption) and opening it again, and the job that seals files stored before encryption. The rules
// themselves (types, re-encoding, PDF checks, durable storage) live in attachments.ts; files go back to
// staff through lib/downloads.ts.
import { createHash, randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { decrypt, decryptBytes, encrypt, encryptBytes, type KeyRing } from "../crypto";
import { AppError, invalid } from "../errors";
import { type AttachmentStore, type Cleaned, cleanAttachment, MAX_ATTACHMENT_BYTES, type MediaType, UnsupportedFile } from "./attachments";
import { ImageNotDecodable } from "./images";
import { PdfNotCleanable } from "./pdf-metadata";
import { PdfRefused } from "./pdf-safety";

/** Content types accepted for a raw file body; the real type is sniffed from the bytes, never taken from the header. */
export const UPLOAD_TYPES = ["application/octet-stream", "image/jpeg", "image/png", "image/webp", "application/pdf"];

/** Lets the routes of this (encapsulated) plugin receive a file as the raw request body, up to 5 MB. */
export function acceptRawUploads(app: FastifyInstance): void {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) => done(null, body));
}

/**
 * The options of a route that receives one file as its raw body (the plugin calls acceptRawUploads): the
 * size limit, and in its schema the accepted content types and the binary body, described as `body`.
 */
export function rawUploadRoute<C, S extends object>(config: C, schema: S, body = "Isi berkas (biner)") {
  return { bodyLimit: MAX_ATTACHMENT_BYTES, config, schema: { ...schema, consumes: UPLOAD_TYPES, body: z.any().describe(body) } };
}

export const EXTENSION_OF: Record<MediaType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/**
 * The name a stored file downloads under: the given name with the extension of its sniffed type (a PDF
 * sent as "surat.html" downloads as "surat.pdf", so the saved copy never opens in a browser as a page).
 */
export function downloadName(name: string, mediaType: string): string {
  const ext = EXTENSION_OF[mediaType as MediaType] ?? "bin";
  const base = name.replace(/\.[A-Za-z][A-Za-z0-9]{0,7}$/, "").trim() || "berkas";
  return `${base}.${ext}`;
}

/**
 * Sniffs and cleans an uploaded body. A body of no supported type throws `refuse()` (each feature words
 * its own); an image that does not decode answers `file: image_broken`, a cut-off PDF `file: pdf_broken`,
 * a PDF with scripts or automatic actions `file: pdf_active_content` (all 400 `validation_failed`), and a
 * PDF whose metadata cannot be removed safely (encrypted, Info in an object stream, an object stream we
 * cannot read) `pdf_not_cleanable`, which tells the sender to send a photo or screenshot instead.
 */
export async function cleanUpload(body: unknown, refuse: () => AppError): Promise<Cleaned> {
  if (!Buffer.isBuffer(body)) throw refuse();
  try {
    return await cleanAttachment(body);
  } catch (err) {
    if (err instanceof UnsupportedFile) throw refuse();
    if (err instanceof ImageNotDecodable) throw invalid({ file: { code: "image_broken" } });
    if (err instanceof PdfRefused) throw invalid({ file: { code: err.code } });
    if (err instanceof PdfNotCleanable) throw new AppError("pdf_not_cleanable");
    throw err;
  }
}

/** The content address a cleaned file gets in an AttachmentStore (to find a re-sent file before storing it). */
export const contentAddressOf = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/**
 * A file sealed at rest: `sha256` is the hash of the ciphertext (the file's name in the store, so a name
 * confirms nothing about a known plaintext) and `fileKeyEnc` its random data key sealed with the key ring
 * (a `*_enc` column, so key rotation re-seals it without touching the file).
 */
export type SealedFile = { sha256: string; fileKeyEnc: string };

/** Encrypts the bytes under a fresh data key (AES-256-GCM) and writes them durably (fsynced) before any row points at them. */
export async function writeSealed(store: AttachmentStore, keys: KeyRing, data: Buffer): Promise<SealedFile> {
  const dataKey = randomBytes(32);
  const sha256 = await store.put(encryptBytes(dataKey, data));
  return { sha256, fileKeyEnc: encrypt(keys, dataKey.toString("base64")) };
}

/** The plain bytes of a stored file; a row without a data key was stored before encryption at rest (plain). */
export async function readSealed(
  store: AttachmentStore,
  keys: KeyRing,
  row: { sha256: string; fileKeyEnc: string | null },
): Promise<Buffer> {
  const stored = await store.read(row.sha256);
  if (!row.fileKeyEnc) return stored;
  return decryptBytes(Buffer.from(decrypt(keys, row.fileKeyEnc), "base64"), stored);
}

/**
 * Encrypts the files of rows stored before encryption at rest (rows without a data key), as listed by
 * `pending`: the encrypted copy is written and fsynced first, then `adopt` points the row at it (in its
 * own audited transaction, only if the row still points at the plain file; true when it did). The plain
 * file is then referenced by no row and the orphan-file sweep removes it after its grace period. A row
 * whose file is missing is left as it is.
 */
export async function encryptLegacyFiles<R extends { sha256: string }>(
  store: AttachmentStore,
  keys: KeyRing,
  pending: R[],
  adopt: (row: R, file: SealedFile, plain: Buffer) => Promise<boolean>,
): Promise<{ encrypted: number; missing: number }> {
  let encrypted = 0;
  let missing = 0;
  for (const r of pending) {
    let plain: Buffer;
    try {
      plain = await store.read(r.sha256);
    } catch {
      missing++;
      continue;
    }
    if (await adopt(r, await writeSealed(store, keys, plain), plain)) encrypted++;
  }
  return { encrypted, missing };
}
