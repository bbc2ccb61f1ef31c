// Every file the API hands out (stored uploads, exports, generated PDFs) leaves the same way: as a
// download, never rendered by the browser at our origin. A hostile upload that slipped past the checks
// still cannot run as a page of the app: the type is ours (never sniffed), the disposition is
// `attachment`, and the answer carries a CSP sandbox with nothing allowed. An <img> that shows a photo
// ignores the disposition, so the console still displays outreach photos.
import type { FastifyReply } from "fastify";

/** An ASCII fallback for `filename=` (quotes, slashes, control and non-ASCII characters replaced). */
export function asciiFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 120) || "berkas";
}

/** `attachment` with a safe ASCII `filename` and the full name in RFC 5987 `filename*`. */
export function attachmentDisposition(name: string): string {
  const utf8 = encodeURIComponent(name.slice(0, 200)).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFilename(name)}"; filename*=UTF-8''${utf8}`;
}

/** Sends a file as a download: its real type, `nosniff`, a sandbox CSP, never cached. */
export function sendDownload(reply: FastifyReply, file: { contentType: string; data: Buffer | string; filename: string }) {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", attachmentDisposition(file.filename))
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; sandbox")
    .header("cross-origin-resource-policy", "same-origin")
    .header("cache-control", "private, no-store")
    .send(file.data);
}
