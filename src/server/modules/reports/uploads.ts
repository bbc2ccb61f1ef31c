// What every feature that accepts files shares (report attachments, outreach photos, case documents):
// the raw-body parser, the sniff-and-strip step with its error, and sending a stored file back.
// The rules themselves (types, metadata stripping, durable storage) live in attachments.ts.
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import { AppError } from "../../lib/errors";
import { type Cleaned, cleanAttachment, MAX_ATTACHMENT_BYTES, type MediaType, UnsupportedFile } from "./attachments";
import { PdfNotCleanable } from "./pdf-metadata";

/** Content types accepted for a raw file body; the real type is sniffed from the bytes, never taken from the header. */
export const UPLOAD_TYPES = ["application/octet-stream", "image/jpeg", "image/png", "image/webp", "application/pdf"];

/** Lets the routes of this (encapsulated) plugin receive a file as the raw request body, up to 5 MB. */
export function acceptRawUploads(app: FastifyInstance): void {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) => done(null, body));
}

export const EXTENSION_OF: Record<MediaType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf" };

/**
 * Sniffs and strips an uploaded body; anything that is not a supported, well-formed file throws `refuse()`.
 * A PDF whose metadata cannot be removed safely (encrypted, Info in an object stream) is refused with
 * `pdf_not_cleanable`, which tells the sender to send a photo or screenshot instead.
 */
export function cleanUpload(body: unknown, refuse: () => AppError): Cleaned {
  if (!Buffer.isBuffer(body)) throw refuse();
  try {
    return cleanAttachment(body);
  } catch (err) {
    if (err instanceof UnsupportedFile) throw refuse();
    if (err instanceof PdfNotCleanable) throw new AppError("pdf_not_cleanable");
    throw err;
  }
}

/** The content address a cleaned file gets in an AttachmentStore (to find a re-sent file before storing it). */
export const contentAddressOf = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/**
 * Sends a stored file: its sniffed type, no sniffing by the browser, never cached. `inline` only for
 * images (shown in an <img>); everything else downloads. Non-ASCII names travel in `filename*`.
 */
export function sendStoredFile(reply: FastifyReply, file: { mediaType: string; data: Buffer; filename: string; inline?: boolean }) {
  const ascii = file.filename.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 120) || "berkas";
  const inline = file.inline === true && file.mediaType.startsWith("image/");
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-store")
    .send(file.data);
}
