// Attachment files: the real type from magic bytes, metadata stripped by small segment parsers
// (EXIF GPS in a phone photo identifies the reporter), and durable content-addressed storage.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { stripPdf } from "./pdf-metadata";

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export type MediaType = "image/jpeg" | "image/png" | "image/webp" | "application/pdf";

export class UnsupportedFile extends Error {}

export function sniff(buf: Buffer): MediaType | undefined {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "image/jpeg";
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (buf.length >= 12 && buf.toString("latin1", 0, 4) === "RIFF" && buf.toString("latin1", 8, 12) === "WEBP") return "image/webp";
  if (buf.length >= 5 && buf.toString("latin1", 0, 5) === "%PDF-") return "application/pdf";
  return undefined;
}

export type Cleaned = { mediaType: MediaType; data: Buffer; stripped: string[] };

/** Sniffs the type and strips metadata; throws UnsupportedFile for other types or broken files. */
export function cleanAttachment(buf: Buffer): Cleaned {
  const mediaType = sniff(buf);
  switch (mediaType) {
    case "image/jpeg":
      return { mediaType, ...stripJpeg(buf) };
    case "image/png":
      return { mediaType, ...stripPng(buf) };
    case "image/webp":
      return { mediaType, ...stripWebp(buf) };
    case "application/pdf":
      // Info dictionary and XMP blanked in place (see pdf-metadata.ts); staff download it as an attachment, never inline.
      return { mediaType, ...stripPdf(buf) };
    default:
      throw new UnsupportedFile("unsupported type");
  }
}

// ---- JPEG: a sequence of marker segments; metadata lives in APPn and COM segments.

function jpegSegmentName(marker: number, payload: Buffer): string | undefined {
  const sig = payload.toString("latin1", 0, Math.min(payload.length, 29));
  if (marker === 0xe0) return sig.startsWith("JFIF\0") || sig.startsWith("JFXX\0") ? undefined : "app0";
  if (marker === 0xe1) return sig.startsWith("Exif\0") ? "exif" : sig.startsWith("http://ns.adobe.com/") ? "xmp" : "app1";
  if (marker === 0xe2) return sig.startsWith("ICC_PROFILE\0") ? undefined : "app2";
  if (marker === 0xee) return sig.startsWith("Adobe") ? undefined : "app14"; // Adobe: colour transform, needed to decode
  if (marker >= 0xe3 && marker <= 0xef) return `app${marker - 0xe0}`;
  if (marker === 0xfe) return "comment";
  return undefined;
}

export function stripJpeg(buf: Buffer): { data: Buffer; stripped: string[] } {
  const out: Buffer[] = [buf.subarray(0, 2)];
  const stripped = new Set<string>();
  let i = 2;
  const broken = () => new UnsupportedFile("broken JPEG");
  while (i < buf.length) {
    if (buf[i] !== 0xff) throw broken();
    while (buf[i] === 0xff && i < buf.length) i++; // fill bytes
    const marker = buf[i++];
    if (marker === undefined) throw broken();
    if (marker === 0xd9) {
      out.push(Buffer.from([0xff, 0xd9]));
      return { data: Buffer.concat(out), stripped: [...stripped] };
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(Buffer.from([0xff, marker]));
      continue;
    }
    if (i + 2 > buf.length) throw broken();
    const len = buf.readUInt16BE(i);
    if (len < 2 || i + len > buf.length) throw broken();
    const segment = buf.subarray(i - 2, i + len);
    const name = jpegSegmentName(marker, buf.subarray(i + 2, i + len));
    i += len;
    if (name) stripped.add(name);
    else out.push(Buffer.concat([Buffer.from([0xff, marker]), segment.subarray(2)]));
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      const start = i;
      while (i < buf.length) {
        if (buf[i] === 0xff) {
          const next = buf[i + 1];
          if (next === 0x00 || (next !== undefined && next >= 0xd0 && next <= 0xd7) || next === 0xff) {
            i += next === 0xff ? 1 : 2;
            continue;
          }
          break;
        }
        i++;
      }
      out.push(buf.subarray(start, i));
    }
  }
  throw broken(); // no EOI
}

// ---- PNG: chunks; keep the ones needed to draw the image, drop text, EXIF and time chunks.

const PNG_KEEP = new Set(["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "hIST"]);

export function stripPng(buf: Buffer): { data: Buffer; stripped: string[] } {
  const out: Buffer[] = [buf.subarray(0, 8)];
  const stripped = new Set<string>();
  let i = 8;
  while (i + 12 <= buf.length) {
    const len = buf.readUInt32BE(i);
    const type = buf.toString("latin1", i + 4, i + 8);
    const end = i + 12 + len;
    if (len > 0x7fffffff || end > buf.length) throw new UnsupportedFile("broken PNG");
    if (PNG_KEEP.has(type)) out.push(buf.subarray(i, end));
    else stripped.add(type);
    i = end;
    if (type === "IEND") return { data: Buffer.concat(out), stripped: [...stripped] };
  }
  throw new UnsupportedFile("broken PNG");
}

// ---- WebP: a RIFF container; drop EXIF and XMP chunks and clear their flags in VP8X.

const WEBP_KEEP = new Set(["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"]);

export function stripWebp(buf: Buffer): { data: Buffer; stripped: string[] } {
  const riffEnd = Math.min(buf.length, 8 + buf.readUInt32LE(4));
  const chunks: Buffer[] = [];
  const stripped = new Set<string>();
  let i = 12;
  while (i + 8 <= riffEnd) {
    const type = buf.toString("latin1", i, i + 4);
    const len = buf.readUInt32LE(i + 4);
    const end = i + 8 + len + (len & 1);
    if (i + 8 + len > riffEnd) throw new UnsupportedFile("broken WebP");
    if (WEBP_KEEP.has(type)) {
      const chunk = Buffer.from(buf.subarray(i, Math.min(end, riffEnd)));
      if (type === "VP8X" && len >= 1) chunk[8] = chunk[8]! & ~0x0c; // EXIF (0x08) and XMP (0x04) flags
      chunks.push(chunk);
    } else stripped.add(type.trim());
    i = end;
  }
  if (chunks.length === 0) throw new UnsupportedFile("broken WebP");
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(body.length + 4, 4);
  header.write("WEBP", 8, "latin1");
  return { data: Buffer.concat([header, body]), stripped: [...stripped] };
}

// ---- storage

/**
 * Content-addressed files under <dataDir>/attachments/<aa>/<sha256>. A file is written to a temp
 * name, fsynced, renamed into place and the directory fsynced, so once put() returns the file
 * survives a crash; only then may a database row point at it. Content already stored is written
 * again anyway: the rename refreshes its mtime, which the orphan cleanup checks before removing.
 */
export class AttachmentStore {
  readonly root: string;
  /** `folder`: each feature keeps its own folder, so one feature's cleanup never removes another's file. */
  constructor(dataDir: string, folder = "attachments") {
    this.root = path.join(dataDir, folder);
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("bad attachment hash");
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(data: Buffer): Promise<string> {
    const sha = createHash("sha256").update(data).digest("hex");
    const final = this.pathOf(sha);
    const dir = path.dirname(final);
    const tmpDir = path.join(this.root, "tmp");
    await fs.mkdir(dir, { recursive: true });
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${sha}.${randomBytes(6).toString("hex")}`);
    const fh = await fs.open(tmp, "wx", 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, final);
    await syncDir(dir);
    return sha;
  }

  async read(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }

  /**
   * Every stored file (content hash and mtime), and every temp file left by an interrupted put()
   * (sha256 undefined). For the orphan cleanup; a missing store yields nothing.
   */
  async *files(): AsyncGenerator<{ file: string; sha256?: string; mtime: Date }> {
    let dirs: string[];
    try {
      dirs = await fs.readdir(this.root);
    } catch {
      return;
    }
    for (const dir of dirs.sort()) {
      if (dir !== "tmp" && !/^[0-9a-f]{2}$/.test(dir)) continue;
      let names: string[];
      try {
        names = await fs.readdir(path.join(this.root, dir));
      } catch {
        continue;
      }
      for (const name of names) {
        const file = path.join(this.root, dir, name);
        const sha256 = dir !== "tmp" && /^[0-9a-f]{64}$/.test(name) && name.startsWith(dir) ? name : undefined;
        if (dir !== "tmp" && !sha256) continue; // not ours: leave it alone
        try {
          yield { file, sha256, mtime: (await fs.stat(file)).mtime };
        } catch {
          // removed meanwhile
        }
      }
    }
  }

  /** Removes a temp file left by an interrupted write, unless it changed after `olderThan`. */
  async removeTemp(file: string, olderThan: Date): Promise<boolean> {
    if (path.dirname(file) !== path.join(this.root, "tmp")) throw new Error("not a temp file");
    return removeIfOlder(file, olderThan);
  }

  /** Removes a file unless it was (re)written after `olderThan`; true when it removed it. */
  async remove(sha256: string, olderThan: Date): Promise<boolean> {
    return removeIfOlder(this.pathOf(sha256), olderThan);
  }
}

async function removeIfOlder(file: string, olderThan: Date): Promise<boolean> {
  try {
    if ((await fs.stat(file)).mtime >= olderThan) return false;
  } catch {
    return false;
  }
  await fs.rm(file, { force: true });
  return true;
}

async function syncDir(dir: string): Promise<void> {
  const fh = await fs.open(dir, "r");
  try {
    await fh.sync();
  } catch {
    // some filesystems refuse fsync on directories; the rename is still atomic
  } finally {
    await fh.close();
  }
}
